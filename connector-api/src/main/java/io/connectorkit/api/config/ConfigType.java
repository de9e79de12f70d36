package io.connectorkit.api.config;

/** The type of a configuration value, which decides how it is validated and parsed. */
public enum ConfigType {
    /** Any text. */
    STRING,
    /** A whole number in the key's range; read with {@link SourceConfig#getLong}/{@link SourceConfig#getInt}. */
    INTEGER,
    /** A decimal number in the key's range; read with {@link SourceConfig#getDouble}. */
    DECIMAL,
    /** {@code true} or {@code false} (case-insensitive). */
    BOOLEAN,
    /** A Java regular expression; blank means "no rule". Read with {@link SourceConfig#getPattern}. */
    REGEX,
    /** An absolute {@code http} or {@code https} URL. */
    URL,
    /** One or more comma-separated absolute {@code http} or {@code https} URLs. */
    URL_LIST,
    /** A date ({@code 2020-01-01}, midnight UTC) or an ISO-8601 instant. Read with {@link SourceConfig#getInstant}. */
    INSTANT,
    /** One of the key's {@link ConfigKey#allowedValues()} (case-insensitive). */
    ENUM
}
