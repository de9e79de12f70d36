package io.connectorkit.api.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The configuration keys a connector (or a host) declares, and their validation. Validation
 * reports every problem at once, unknown keys included, each naming the key, the value (masked
 * when secret) and what is expected. Immutable and thread-safe.
 */
public final class ConfigSpec {
    private final Map<String, ConfigKey> keys;

    private ConfigSpec(Map<String, ConfigKey> keys) {
        this.keys = keys;
    }

    /**
     * Creates a spec.
     *
     * @param keys the declared keys
     * @return the spec
     * @throws IllegalArgumentException if two keys share a name
     */
    public static ConfigSpec of(Collection<ConfigKey> keys) {
        Map<String, ConfigKey> map = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            if (map.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("Configuration key '" + key.name() + "' is declared twice");
            }
        }
        return new ConfigSpec(Collections.unmodifiableMap(map));
    }

    /**
     * Creates a spec.
     *
     * @param keys the declared keys
     * @return the spec
     * @throws IllegalArgumentException if two keys share a name
     */
    public static ConfigSpec of(ConfigKey... keys) {
        return of(List.of(keys));
    }

    /**
     * The keys of this spec followed by those of another, as one spec (a host validates its own
     * keys together with a connector's).
     *
     * @param other the other spec
     * @return the union
     * @throws IllegalArgumentException if both declare the same key
     */
    public ConfigSpec plus(ConfigSpec other) {
        List<ConfigKey> all = new ArrayList<>(keys.values());
        all.addAll(other.keys.values());
        return of(all);
    }

    /**
     * The declared keys in declaration order.
     *
     * @return the keys
     */
    public List<ConfigKey> keys() {
        return List.copyOf(keys.values());
    }

    /**
     * Looks up a declared key.
     *
     * @param name the key name
     * @return the key, or {@code null} when it is not declared
     */
    public ConfigKey key(String name) {
        return keys.get(name);
    }

    /**
     * Checks a configuration against every declared key.
     *
     * @param values the configuration, key to raw value
     * @return every problem, sorted by key; empty when the configuration is valid
     */
    public List<ConfigProblem> validate(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<String, List<ConfigProblem>> byKey = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!keys.containsKey(e.getKey())) {
                String suggestion = closest(e.getKey());
                // The value of an unknown key is never shown: nothing says whether it is a secret
                // (a misspelt secret key, its value resolved from ${env:...}).
                byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new ConfigProblem(e.getKey(), null,
                        "unknown key (its value is not shown)" + (suggestion == null ? "; remove it" : "; did you mean '" + suggestion + "'?")));
            }
        }
        for (ConfigKey key : keys.values()) {
            String raw = values.get(key.name());
            boolean blank = raw == null || raw.isBlank();
            if (blank && key.isRequired()) {
                byKey.computeIfAbsent(key.name(), k -> new ArrayList<>()).add(new ConfigProblem(key.name(), null,
                        "required but not set; " + lowerFirst(key.description())));
            } else if (raw != null && !(blank && key.blankMeansDefault())) {
                String problem = key.check(raw);
                if (problem != null) {
                    byKey.computeIfAbsent(key.name(), k -> new ArrayList<>()).add(
                            new ConfigProblem(key.name(), key.isSecret() ? SourceConfig.MASK : raw, problem));
                }
            }
        }
        List<ConfigProblem> problems = new ArrayList<>();
        byKey.values().forEach(problems::addAll);
        return problems;
    }

    /**
     * Validates a configuration and returns it with defaults applied.
     *
     * @param values the configuration, key to raw value
     * @return the validated configuration
     * @throws InvalidConfigException listing every problem, if there is any
     */
    public SourceConfig parse(Map<String, String> values) throws InvalidConfigException {
        List<ConfigProblem> problems = validate(values);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        Map<String, String> effective = new LinkedHashMap<>();
        for (ConfigKey key : keys.values()) {
            String raw = values.get(key.name());
            if (raw == null || (raw.isBlank() && key.blankMeansDefault())) {
                raw = key.defaultValue();
            }
            if (raw != null) {
                effective.put(key.name(), raw.trim());
            }
        }
        return new SourceConfig(this, effective);
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty()) {
            return "see the configuration reference";
        }
        // "API token ..." and "OAuth2 client id ..." keep their capitals; "The connector ..." does not.
        boolean acronym = s.length() > 1 && Character.isUpperCase(s.charAt(1));
        return acronym ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private String closest(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : keys.keySet()) {
            int d = distance(unknown, name);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return bestDistance <= Math.max(2, unknown.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
