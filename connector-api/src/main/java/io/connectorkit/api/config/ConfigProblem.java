package io.connectorkit.api.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration.
 *
 * @param key the configuration key
 * @param value the value given, masked when the key is secret, or {@code null} when missing
 * @param message one sentence: what is wrong and what is expected
 */
public record ConfigProblem(String key, String value, String message) {
    /**
     * Validates the components. Each component is described once, in the record's description.
     *
     * @param key the {@linkplain #key() key}
     * @param value the {@linkplain #value() value}
     * @param message the {@linkplain #message() message}
     * @throws NullPointerException if {@code key} or {@code message} is {@code null}
     */
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return value == null ? key + ": " + message : key + " = '" + value + "': " + message;
    }
}
