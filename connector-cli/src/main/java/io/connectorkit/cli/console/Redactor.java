package io.connectorkit.cli.console;

import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.config.UrlCredentials;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Removes secret values from text before it is printed. A command registers the secrets of the
 * configuration it loaded, so that no error message, however it was built, can show them.
 * Thread-safe: one instance per command invocation.
 */
public final class Redactor {
    /** Shorter values are not redacted: they would mangle ordinary words. */
    private static final int MIN_LENGTH = 4;

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /**
     * Adds values to hide.
     *
     * @param values secret values; blank and very short ones are ignored
     */
    public void register(Collection<String> values) {
        for (String v : values) {
            if (v != null && v.strip().length() >= MIN_LENGTH) {
                secrets.add(v.strip());
            }
        }
    }

    /**
     * Replaces every registered secret in a text, and the password of every URL written as
     * {@code scheme://user:password@host}, by {@link SourceConfig#MASK}.
     *
     * @param text the text, or {@code null}
     * @return the text without secrets ({@code ""} for {@code null})
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        // Longest first, so a secret that contains another is hidden whole.
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            out = out.replace(secret, SourceConfig.MASK);
        }
        return UrlCredentials.mask(out);
    }
}
