package io.connectorkit.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One declared configuration key: its name, type, default, whether it is required or secret,
 * and what it means. Immutable; the {@code with}-style methods return a changed copy, so keys
 * read as one expression:
 *
 * <pre>{@code
 * ConfigKey.of("mimecast.page-size", ConfigType.INTEGER)
 *         .defaultValue("100").range(1, 500)
 *         .description("Results per request.")
 * }</pre>
 */
public final class ConfigKey {
    private final String name;
    private final ConfigType type;
    private final String defaultValue;
    private final boolean required;
    private final boolean secret;
    private final String description;
    private final Double min;
    private final Double max;
    private final List<String> allowedValues;
    private final Function<String, String> validator;
    private final boolean path;

    private ConfigKey(String name, ConfigType type, String defaultValue, boolean required, boolean secret,
            String description, Double min, Double max, List<String> allowedValues,
            Function<String, String> validator) {
        this(name, type, defaultValue, required, secret, description, min, max, allowedValues, validator, false);
    }

    private ConfigKey(String name, ConfigType type, String defaultValue, boolean required, boolean secret,
            String description, Double min, Double max, List<String> allowedValues,
            Function<String, String> validator, boolean path) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.required = required;
        this.secret = secret;
        this.description = Objects.requireNonNull(description, "description");
        this.min = min;
        this.max = max;
        this.allowedValues = List.copyOf(allowedValues);
        this.validator = validator;
        this.path = path;
    }

    /**
     * Declares a key with no default that is optional and not secret.
     *
     * @param name the key, such as {@code mimecast.page-size}
     * @param type the value type
     * @return the key
     */
    public static ConfigKey of(String name, ConfigType type) {
        return new ConfigKey(name, type, null, false, false, "", null, null, List.of(), null);
    }

    /**
     * A copy with a default value, used when the key is absent (or blank, for types other than
     * {@link ConfigType#STRING}, {@link ConfigType#REGEX} and {@link ConfigType#URL_LIST}).
     *
     * @param value the default
     * @return the changed copy
     */
    public ConfigKey defaultValue(String value) {
        return new ConfigKey(name, type, value, required, secret, description, min, max, allowedValues, validator, path);
    }

    /**
     * A copy that must be given a non-blank value.
     *
     * @return the changed copy
     */
    public ConfigKey required() {
        return new ConfigKey(name, type, defaultValue, true, secret, description, min, max, allowedValues, validator,
                path);
    }

    /**
     * A copy whose value is a secret: masked in every message, log and listing.
     *
     * @return the changed copy
     */
    public ConfigKey secret() {
        return new ConfigKey(name, type, defaultValue, required, true, description, min, max, allowedValues, validator,
                path);
    }

    /**
     * A copy with a description for people (one or two sentences; docs are generated from it).
     *
     * @param text the description
     * @return the changed copy
     */
    public ConfigKey description(String text) {
        return new ConfigKey(name, type, defaultValue, required, secret, text, min, max, allowedValues, validator, path);
    }

    /**
     * A copy that accepts numbers from {@code low} to {@code high} inclusive.
     *
     * @param low the smallest value allowed
     * @param high the largest value allowed
     * @return the changed copy
     */
    public ConfigKey range(double low, double high) {
        return new ConfigKey(name, type, defaultValue, required, secret, description, low, high, allowedValues, validator,
                path);
    }

    /**
     * A copy that accepts only these values (for {@link ConfigType#ENUM}), compared ignoring case.
     *
     * @param values the allowed values
     * @return the changed copy
     */
    public ConfigKey allowedValues(String... values) {
        return new ConfigKey(name, type, defaultValue, required, secret, description, min, max, List.of(values), validator,
                path);
    }

    /**
     * A copy with an extra check that runs after the type check passed.
     *
     * @param check returns {@code null} for a good value, else one sentence saying what is expected
     * @return the changed copy
     */
    public ConfigKey validator(Function<String, String> check) {
        return new ConfigKey(name, type, defaultValue, required, secret, description, min, max, allowedValues, check,
                path);
    }

    /**
     * A copy whose value is a file system path. Read from a configuration file, a relative path
     * (the default included) means a path under the file's folder, not under the working
     * directory, so the same file names the same files wherever the command runs.
     *
     * @return the changed copy
     */
    public ConfigKey path() {
        return new ConfigKey(name, type, defaultValue, required, secret, description, min, max, allowedValues,
                validator, true);
    }

    /** @return the key's name */
    public String name() {
        return name;
    }

    /** @return the value type */
    public ConfigType type() {
        return type;
    }

    /** @return the default value, or {@code null} when there is none */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return whether a non-blank value must be given */
    public boolean isRequired() {
        return required;
    }

    /** @return whether the value is a secret */
    public boolean isSecret() {
        return secret;
    }

    /** @return whether the value is a file system path, resolved against a configuration file's folder */
    public boolean isPath() {
        return path;
    }

    /** @return the description for people */
    public String description() {
        return description;
    }

    /** @return the values allowed for an {@link ConfigType#ENUM} key; empty otherwise */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** @return the smallest number allowed, or {@code null} */
    public Double min() {
        return min;
    }

    /** @return the largest number allowed, or {@code null} */
    public Double max() {
        return max;
    }

    /**
     * Whether a blank value means "use the default" for this key's type.
     *
     * @return {@code false} for string-like types, where blank is a value of its own
     */
    boolean blankMeansDefault() {
        return type != ConfigType.STRING && type != ConfigType.REGEX && type != ConfigType.URL_LIST;
    }

    /**
     * Checks a non-null value against the type, range, allowed values and validator.
     *
     * @param value the value to check
     * @return {@code null} when the value is good, else one sentence on what is expected
     */
    String check(String value) {
        String trimmed = value.trim();
        String problem = checkType(trimmed);
        if (problem == null && validator != null) {
            problem = validator.apply(trimmed);
        }
        return problem;
    }

    private String checkType(String v) {
        switch (type) {
            case STRING:
                return null;
            case INTEGER:
                try {
                    return checkRange(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    return "expected a whole number" + rangeText();
                }
            case DECIMAL:
                try {
                    double d = Double.parseDouble(v);
                    return Double.isFinite(d) ? checkRange(d) : "expected a finite number" + rangeText();
                } catch (NumberFormatException e) {
                    return "expected a number" + rangeText();
                }
            case BOOLEAN:
                return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "expected true or false";
            case REGEX:
                try {
                    Pattern.compile(v);
                    return null;
                } catch (PatternSyntaxException e) {
                    return "not a valid regular expression: " + e.getDescription() + " at position " + e.getIndex()
                            + "; escape special characters such as . ( [ with a backslash";
                }
            case URL:
                return checkUrl(v);
            case URL_LIST:
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        String p = checkUrl(part.trim());
                        if (p != null) {
                            return "'" + part.trim() + "' is " + p;
                        }
                    }
                }
                return null;
            case INSTANT:
                return parseInstant(v) == null
                        ? "expected a date such as 2020-01-01 or an instant such as 2020-01-01T00:00:00Z" : null;
            case ENUM:
                return allowedValues.stream().anyMatch(a -> a.equalsIgnoreCase(v))
                        ? null : "expected one of " + String.join(", ", allowedValues);
            default:
                throw new IllegalStateException("Unhandled type " + type);
        }
    }

    private String checkRange(double d) {
        if ((min != null && d < min) || (max != null && d > max)) {
            return "out of range" + rangeText();
        }
        return null;
    }

    private String rangeText() {
        if (min == null && max == null) {
            return "";
        }
        return " from " + format(min) + " to " + format(max);
    }

    private static String format(Double d) {
        if (d == null) {
            return "any";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    private static String checkUrl(String v) {
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return "not an absolute http or https URL, such as https://host.example.com";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getReason() + " at position " + e.getIndex();
        }
    }

    /**
     * Reads a date ({@code yyyy-MM-dd}, taken as midnight UTC) or an ISO-8601 instant.
     *
     * @param v the text
     * @return the instant, or {@code null} when the text is neither
     */
    static Instant parseInstant(String v) {
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
    }
}
