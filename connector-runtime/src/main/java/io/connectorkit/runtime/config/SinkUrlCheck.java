package io.connectorkit.runtime.config;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@code sink.elasticsearch.url} that span keys or URLs, which a single key's
 * validator cannot make: credentials inside the URLs exclude the credential keys, and every URL
 * of the list carries the same ones. Also hides those credentials in any problem about to be shown.
 */
public final class SinkUrlCheck {
    private SinkUrlCheck() {
    }

    /**
     * Checks the credentials written inside the cluster URLs.
     *
     * @param values key to (interpolated) raw value
     * @return the problems, each showing the URLs with their passwords masked; empty when none
     */
    public static List<ConfigProblem> problems(Map<String, String> values) {
        String raw = values.get(SinkConfig.URL);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<Optional<UrlCredentials>> each = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                each.add(UrlCredentials.of(part));
            }
        }
        String shown = UrlCredentials.maskList(raw.trim());
        if (each.stream().distinct().count() > 1) {
            return List.of(new ConfigProblem(SinkConfig.URL, shown, "the URLs carry different user names or passwords;"
                    + " write the same user:password@ in every URL or in none, or better move it to "
                    + SinkConfig.USERNAME + " and " + SinkConfig.PASSWORD));
        }
        if (each.isEmpty() || each.get(0).isEmpty()) {
            return List.of();
        }
        List<String> alsoSet = new ArrayList<>();
        for (String key : List.of(SinkConfig.USERNAME, SinkConfig.PASSWORD, SinkConfig.API_KEY)) {
            if (!values.getOrDefault(key, "").isBlank()) {
                alsoSet.add(key);
            }
        }
        if (alsoSet.isEmpty()) {
            return List.of();
        }
        return List.of(new ConfigProblem(SinkConfig.URL, shown, "the URL carries a user name and password and "
                + String.join(" and ", alsoSet) + (alsoSet.size() == 1 ? " is" : " are") + " set as well;"
                + " keep one: remove the user:password@ from " + SinkConfig.URL + " or remove "
                + String.join(" and ", alsoSet)));
    }

    /**
     * The configuration with {@code sink.elasticsearch.url} stripped of the credentials written
     * in it, for whatever may show or log the configuration; the sink reads them from the original.
     *
     * @param config a validated configuration that includes {@link RuntimeConfig#SPEC}
     * @return the configuration itself when no URL carries credentials, else a copy without them
     */
    public static SourceConfig withoutCredentials(SourceConfig config) {
        List<String> urls = config.getList(SinkConfig.URL);
        if (urls.stream().allMatch(u -> UrlCredentials.of(u).isEmpty())) {
            return config;
        }
        Map<String, String> values = new LinkedHashMap<>(config.values());
        values.put(SinkConfig.URL, String.join(",", urls.stream().map(UrlCredentials::strip).toList()));
        try {
            return config.spec().parse(values);
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("A validated configuration became invalid without its URL credentials: "
                    + masked(e.problems().get(0)), e);
        }
    }

    /**
     * A problem with the password of every URL it quotes masked.
     *
     * @param problem a problem of any key
     * @return the problem safe to show
     */
    public static ConfigProblem masked(ConfigProblem problem) {
        String value = problem.value();
        String message = problem.message();
        if (problem.key().equals(SinkConfig.URL) && value != null) {
            // A URL that failed validation may lack the scheme the general mask looks for.
            for (String part : value.split(",")) {
                String p = part.trim();
                if (!p.isEmpty()) {
                    message = message.replace(p, UrlCredentials.maskList(p));
                }
            }
            value = UrlCredentials.maskList(value);
        }
        return new ConfigProblem(problem.key(), value == null ? null : UrlCredentials.mask(value),
                UrlCredentials.mask(message));
    }
}
