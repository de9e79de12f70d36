package io.connectorkit.runtime.config;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConfigProblem;
import io.connectorkit.api.InvalidConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a source configuration from a {@code .properties} file or a map, replacing
 * {@code ${env:NAME}} with an environment variable and {@code ${file:/path}} with a file's
 * trimmed contents, so secrets stay out of the file. Every unresolvable reference is reported
 * at once, by key; resolved values are never shown.
 */
public final class ConfigLoader {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

    private final Function<String, String> environment;

    /**
     * Creates a loader that reads the given environment.
     *
     * @param environment variable name to value, {@code null} when unset
     */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = requireNonNull(environment, "environment");
    }

    /**
     * A loader over the process environment.
     *
     * @return the loader
     */
    public static ConfigLoader system() {
        return new ConfigLoader(System::getenv);
    }

    /**
     * Reads and interpolates a properties file (UTF-8, a leading byte-order mark ignored).
     *
     * @param file the file
     * @return key to interpolated value, in file order
     * @throws InvalidConfigException if the file cannot be read or a reference cannot be resolved
     */
    public Map<String, String> load(Path file) throws InvalidConfigException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(ConfigText.read(file))) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException(List.of(new ConfigProblem("configuration file", file.toString(),
                    "cannot be read (" + e.getMessage() + "); check the path and that the file is UTF-8 properties")));
        }
        Map<String, String> raw = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> raw.put(k.trim(), properties.getProperty(k)));
        return interpolate(raw);
    }

    /**
     * Interpolates the references in every value.
     *
     * @param values key to raw value
     * @return key to interpolated value, in the same order
     * @throws InvalidConfigException naming every key whose reference cannot be resolved
     */
    public Map<String, String> interpolate(Map<String, String> values) throws InvalidConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            Matcher m = REFERENCE.matcher(value);
            StringBuilder sb = new StringBuilder();
            boolean ok = true;
            while (m.find()) {
                String resolved = resolve(e.getKey(), m.group(1), m.group(2).trim(), problems);
                if (resolved == null) {
                    ok = false;
                    resolved = "";
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(resolved));
            }
            m.appendTail(sb);
            if (ok) {
                out.put(e.getKey(), sb.toString());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return out;
    }

    private String resolve(String key, String kind, String name, List<ConfigProblem> problems) {
        String reference = "${" + kind + ":" + name + "}";
        if (name.isEmpty()) {
            problems.add(new ConfigProblem(key, reference, "the reference names nothing; write ${env:NAME} or ${file:/path}"));
            return null;
        }
        if (kind.equals("env")) {
            String v = environment.apply(name);
            if (v == null) {
                problems.add(new ConfigProblem(key, reference,
                        "environment variable " + name + " is not set; export it or put the value in the file"));
            }
            return v;
        }
        Path path = Path.of(name);
        try {
            return Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new ConfigProblem(key, reference,
                    "file " + path + " cannot be read (" + e.getClass().getSimpleName() + "); check the path and its permissions"));
            return null;
        }
    }
}
