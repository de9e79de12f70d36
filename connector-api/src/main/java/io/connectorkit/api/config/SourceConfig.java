package io.connectorkit.api.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated configuration with defaults applied, made by {@link ConfigSpec#parse}. Typed
 * getters read declared keys only; {@link #toString()} masks secrets. Immutable and thread-safe.
 */
public final class SourceConfig {
    /** What stands in for a secret value wherever a configuration is shown. */
    public static final String MASK = "********";

    private final ConfigSpec spec;
    private final Map<String, String> values;

    SourceConfig(ConfigSpec spec, Map<String, String> values) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The spec this configuration was validated against.
     *
     * @return the spec
     */
    public ConfigSpec spec() {
        return spec;
    }

    /**
     * The effective values (defaults applied), secrets included. Never log this map; use
     * {@link #masked()}.
     *
     * @return key to value
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * The effective values with every secret replaced by {@link #MASK}.
     *
     * @return key to value, safe to show
     */
    public Map<String, String> masked() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, spec.key(k).isSecret() && !v.isEmpty() ? MASK : v));
        return out;
    }

    /**
     * The values of secret keys that are set, so that a host can redact them from any text.
     *
     * @return the secret values, non-empty ones only
     */
    public List<String> secretValues() {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            if (spec.key(k).isSecret() && !v.isEmpty()) {
                out.add(v);
            }
        });
        return out;
    }

    /**
     * A text value.
     *
     * @param key a declared key
     * @return the value, or empty when the key is unset and has no default
     */
    public Optional<String> get(String key) {
        declared(key);
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A text value; blank when unset.
     *
     * @param key a declared key
     * @return the value, or an empty string
     */
    public String getString(String key) {
        return get(key).orElse("");
    }

    /**
     * A whole-number value.
     *
     * @param key a declared {@link ConfigType#INTEGER} key with a value or default
     * @return the value
     */
    public long getLong(String key) {
        return Long.parseLong(require(key, ConfigType.INTEGER));
    }

    /**
     * A whole-number value that fits an {@code int}.
     *
     * @param key a declared {@link ConfigType#INTEGER} key with a value or default
     * @return the value
     */
    public int getInt(String key) {
        return Math.toIntExact(getLong(key));
    }

    /**
     * A decimal value.
     *
     * @param key a declared {@link ConfigType#DECIMAL} key with a value or default
     * @return the value
     */
    public double getDouble(String key) {
        return Double.parseDouble(require(key, ConfigType.DECIMAL));
    }

    /**
     * A boolean value.
     *
     * @param key a declared {@link ConfigType#BOOLEAN} key with a value or default
     * @return the value
     */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(require(key, ConfigType.BOOLEAN).toLowerCase(Locale.ROOT));
    }

    /**
     * A compiled regular expression.
     *
     * @param key a declared {@link ConfigType#REGEX} key
     * @return the pattern, or empty when the value is blank (no rule)
     */
    public Optional<Pattern> getPattern(String key) {
        checkType(key, ConfigType.REGEX);
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Pattern.compile(v));
    }

    /**
     * An instant from a date or ISO-8601 instant value.
     *
     * @param key a declared {@link ConfigType#INSTANT} key
     * @return the instant, or empty when unset
     */
    public Optional<Instant> getInstant(String key) {
        checkType(key, ConfigType.INSTANT);
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(ConfigKey.parseInstant(v));
    }

    /**
     * An enum value, matched to the constant of the same name ignoring case and with {@code -}
     * read as {@code _}.
     *
     * @param key a declared {@link ConfigType#ENUM} key with a value or default
     * @param type the enum class
     * @param <E> the enum type
     * @return the constant
     */
    public <E extends Enum<E>> E getEnum(String key, Class<E> type) {
        String v = require(key, ConfigType.ENUM).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(v)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Value '" + v + "' of " + key + " is not a constant of " + type.getName());
    }

    /**
     * A list of URLs from a comma-separated value.
     *
     * @param key a declared {@link ConfigType#URL_LIST} key
     * @return the URLs, empty when the value is blank
     */
    public List<String> getList(String key) {
        declared(key);
        String v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private String require(String key, ConfigType type) {
        checkType(key, type);
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("Configuration key " + key + " has no value and no default");
        }
        return v.trim();
    }

    private void checkType(String key, ConfigType type) {
        ConfigKey k = declared(key);
        if (k.type() != type) {
            throw new IllegalArgumentException("Configuration key " + key + " is " + k.type() + ", not " + type);
        }
    }

    private ConfigKey declared(String key) {
        ConfigKey k = spec.key(key);
        if (k == null) {
            throw new IllegalArgumentException("Configuration key " + key + " is not declared");
        }
        return k;
    }

    @Override
    public String toString() {
        return masked().toString();
    }
}
