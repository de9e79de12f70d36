package io.connectorkit.runtime.config;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Reads and interpolates a properties file (UTF-8, a leading byte-order mark ignored), as {@link java.util.Properties} reads
     * its backslashes: for a file whose keys are not known, such as a test's. A key given twice
     * is refused.
     *
     * @param file the file
     * @return key to interpolated value, in file order
     * @throws InvalidConfigException if the file cannot be read, a key is given twice or a
     *     reference cannot be resolved
     */
    public Map<String, String> load(Path file) throws InvalidConfigException {
        return load(file, type -> ConfigSpec.of());
    }

    /**
     * Reads and interpolates a source's properties file (UTF-8) against the keys it may hold.
     * <ul>
     * <li>A key given twice is refused, naming both lines ({@link java.util.Properties} would keep
     *     the last one without a word).</li>
     * <li>In a {@link ConfigType#REGEX} value a single backslash is kept as written, so
     *     {@code ^carol\.smith@corp\d\.} is that regex; {@code \\} is one backslash, as the format
     *     says, so files that double their backslashes keep their meaning.</li>
     * <li>In every other declared value a single backslash (other than a line continuation or
     *     <code>&#92;uXXXX</code>) is refused: the format would drop it, and whether it belongs to the value
     *     (a Windows path, a secret) cannot be known. The problem shows the doubled form, or for a
     *     secret the line alone.</li>
     * <li>A relative path of a {@linkplain ConfigKey#isPath() path key}, its default included, and of
     *     a {@code ${file:}} reference, is resolved against the file's folder.</li>
     * </ul>
     *
     * @param file the file
     * @param specs the keys a file may hold, by the value of its {@code connector.type} (blank when unset)
     * @return key to interpolated value, in file order
     * @throws InvalidConfigException naming every key given twice, every refused backslash and every
     *     reference that cannot be resolved, or the file when it cannot be read
     */
    public Map<String, String> load(Path file, Function<String, ConfigSpec> specs) throws InvalidConfigException {
        requireNonNull(specs, "specs");
        List<PropertiesFile.Entry> entries;
        try {
            entries = PropertiesFile.parse(ConfigText.read(file));
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidConfigException(List.of(new ConfigProblem("configuration file", file.toString(),
                    "cannot be read (" + e.getMessage() + "); check the path and that the file is UTF-8 properties")));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, List<PropertiesFile.Entry>> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.computeIfAbsent(e.key().trim(), k -> new ArrayList<>()).add(e));
        byKey.forEach((key, given) -> {
            if (given.size() > 1) {
                problems.add(new ConfigProblem(key, null, "given " + (given.size() == 2 ? "twice" : given.size() + " times")
                        + ", on lines " + lines(given) + "; the .properties format would keep the last silently,"
                        + " so keep only the one you mean"));
            }
        });
        List<PropertiesFile.Entry> connectorType = byKey.getOrDefault(RuntimeConfig.CONNECTOR_TYPE, List.of());
        String type = connectorType.isEmpty() ? "" : PropertiesFile.decode(connectorType.get(0).raw()).trim();
        ConfigSpec spec = requireNonNull(specs.apply(type), "spec");
        Map<String, String> raw = new TreeMap<>();
        byKey.forEach((key, given) -> {
            PropertiesFile.Entry last = given.get(given.size() - 1);
            String value = read(spec.key(key), key, last, problems);
            if (value != null) {
                raw.put(key, value);
            }
        });
        Path folder = file.toAbsolutePath().normalize().getParent();
        Map<String, String> out;
        try {
            out = interpolate(raw, folder);
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
            out = Map.of();
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(ConfigProblem::key));
            throw new InvalidConfigException(problems);
        }
        return resolvePaths(out, spec, folder);
    }

    private static String read(ConfigKey key, String name, PropertiesFile.Entry entry, List<ConfigProblem> problems) {
        String raw = entry.raw();
        if (key == null) {
            // An unknown key is refused by validation; its value is never shown, so any reading will do.
            return decodeLenient(raw);
        }
        if (key.type() == ConfigType.REGEX) {
            return raw.replace("\\\\", "\\");
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < raw.length() && raw.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (i + 1 < raw.length() && raw.charAt(i + 1) == 'u' && hex(raw, i + 2)) {
                out.append(PropertiesFile.unicode(raw, i + 2));
                i += 5;
            } else {
                problems.add(singleBackslash(key, name, entry));
                return null;
            }
        }
        return out.toString();
    }

    private static ConfigProblem singleBackslash(ConfigKey key, String name, PropertiesFile.Entry entry) {
        String drops = "line " + entry.line() + ": the .properties format drops a single backslash";
        if (key.isSecret()) {
            return new ConfigProblem(name, SourceConfig.MASK, drops + ", so the secret would be read without it;"
                    + " write each backslash that belongs to the secret twice (\\\\) and remove the others, or take the"
                    + " secret from ${env:NAME} or ${file:/path}");
        }
        return new ConfigProblem(name, entry.raw(), drops + " (it would read '" + decodeLenient(entry.raw())
                + "'); write '" + entry.raw().replace("\\\\", "\\").replace("\\", "\\\\")
                + "' if the backslashes belong to the value, or remove them");
    }

    private static boolean hex(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeLenient(String raw) {
        try {
            return PropertiesFile.decode(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String lines(List<PropertiesFile.Entry> given) {
        List<String> numbers = given.stream().map(e -> Integer.toString(e.line())).toList();
        return String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
    }

    private static Map<String, String> resolvePaths(Map<String, String> values, ConfigSpec spec, Path folder) {
        Map<String, String> out = new LinkedHashMap<>(values);
        for (ConfigKey key : spec.keys()) {
            if (!key.isPath()) {
                continue;
            }
            String value = out.containsKey(key.name()) ? out.get(key.name()) : key.defaultValue();
            if (value != null && !value.isBlank()) {
                out.put(key.name(), resolve(folder, value.trim()));
            }
        }
        return out;
    }

    private static String resolve(Path folder, String path) {
        try {
            Path p = Path.of(path);
            return folder == null || p.isAbsolute() ? path : folder.resolve(p).normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            // Left as written: the key's own check names the value.
            return path;
        }
    }

    /**
     * Interpolates the references in every value.
     *
     * @param values key to raw value
     * @return key to interpolated value, in the same order
     * @throws InvalidConfigException naming every key whose reference cannot be resolved
     */
    public Map<String, String> interpolate(Map<String, String> values) throws InvalidConfigException {
        return interpolate(values, null);
    }

    private Map<String, String> interpolate(Map<String, String> values, Path folder) throws InvalidConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            Matcher m = REFERENCE.matcher(value);
            StringBuilder sb = new StringBuilder();
            boolean ok = true;
            while (m.find()) {
                String resolved = resolve(e.getKey(), m.group(1), m.group(2).trim(), folder, problems);
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

    private String resolve(String key, String kind, String name, Path folder, List<ConfigProblem> problems) {
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
        String path = folder == null ? name : resolve(folder, name);
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).trim();
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            problems.add(new ConfigProblem(key, reference,
                    "file " + path + " cannot be read (" + e.getClass().getSimpleName() + "); check the path and its permissions"));
            return null;
        }
    }
}
