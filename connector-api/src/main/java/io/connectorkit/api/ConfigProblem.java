package io.connectorkit.api;

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
     * Validates and copies the components.
     *
     * @param key the configuration key
     * @param value the value given, masked when the key is secret, or {@code null} when missing
     * @param message one sentence: what is wrong and what is expected 
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
