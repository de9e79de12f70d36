package io.connectorkit.cli;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.cli.console.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/configuration.md} from the declared {@link ConfigSpec}s, so the reference
 * cannot drift from the code. A test fails when the checked-in file is stale; regenerate with
 * {@code java -cp connector-cli/target/connector.jar io.connectorkit.cli.ConfigDocGenerator docs/configuration.md}.
 */
public final class ConfigDocGenerator {
    /** How to regenerate the file, quoted in the file and in the staleness test. */
    public static final String REGENERATE = "java -cp connector-cli/target/connector.jar "
            + ConfigDocGenerator.class.getName() + " docs/configuration.md";

    /**
     * One titled group of keys.
     *
     * @param title the heading
     * @param intro one paragraph before the table
     * @param spec the keys
     */
    public record Section(String title, String intro, ConfigSpec spec) {
        /**
         * Creates a section.
         *
         * @throws NullPointerException if any argument is {@code null}
         */
        public Section {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(intro, "intro");
            Objects.requireNonNull(spec, "spec");
        }
    }

    private ConfigDocGenerator() {
    }

    /**
     * Writes the reference to a file.
     *
     * @param args the path of the file to write
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: " + REGENERATE);
            System.exit(ExitStatus.INVALID_CONFIGURATION.code());
        }
        Files.writeString(Path.of(args[0]), render(ConfigSections.all()), StandardCharsets.UTF_8);
    }

    /**
     * Renders the reference as Markdown.
     *
     * @param sections the groups of keys, in order
     * @return the document
     */
    public static String render(List<Section> sections) {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("<!-- Generated from the code's ConfigSpecs; do not edit. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n");
        md.append("A source is one `.properties` file. Values may reference `${env:NAME}` (an environment variable)\n")
                .append("or `${file:/path}` (a file's content, trimmed) so that secrets stay out of the file. Every\n")
                .append("problem is reported at once, before any network call. Secret values are never printed, and\n")
                .append("neither is the value of an unknown key (it may be a misspelt secret).\n\n")
                .append("What the file says is what the command does:\n\n")
                .append("- **Backslashes.** In a `regex` key a single backslash is kept as written, so\n")
                .append("  `mimecast.mailboxes.include=^carol\\.smith@corp\\d\\.` is that regex; `\\\\` is one backslash, as\n")
                .append("  the `.properties` format says, so a file that doubles its backslashes means the same. In any\n")
                .append("  other key the format would drop a single backslash (`C:\\data` would read `C:data`, a secret's\n")
                .append("  `\\#` would read `#`), so such a value is refused (exit 2) with its line and the doubled form to\n")
                .append("  write (for a secret, the line alone). A backslash that ends a line continues the value on the\n")
                .append("  next line, and `\\uXXXX` is a character, as in every `.properties` file.\n")
                .append("- **A key given twice** is refused (exit 2), naming the key and both lines.\n")
                .append("- **Relative paths** (keys of type `path`, their defaults included, and `${file:...}` references)\n")
                .append("  are under the configuration file's folder, not the working directory: `connector status -c\n")
                .append("  /etc/x/t.properties` finds the embedded index in `/etc/x/data/opensearch` wherever it runs.\n")
                .append("- **Index names.** A state index is `<content index>-state`, so a content index whose name ends\n")
                .append("  in `-state` (set by `sink.elasticsearch.index`, or `connector-<connector.id>` by default) is\n")
                .append("  refused (exit 2): it would be, or could become, another source's state index.\n");
        for (Section section : sections) {
            md.append("\n## ").append(section.title()).append("\n\n");
            if (!section.intro().isBlank()) {
                md.append(section.intro().strip()).append("\n\n");
            }
            md.append("| key | type | default | meaning |\n|---|---|---|---|\n");
            for (ConfigKey key : section.spec().keys()) {
                md.append("| `").append(key.name()).append("` | ").append(type(key)).append(" | ")
                        .append(defaultText(key)).append(" | ").append(cell(key.description())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String type(ConfigKey key) {
        List<String> parts = new ArrayList<>();
        if (key.type() == ConfigType.ENUM && !key.allowedValues().isEmpty()) {
            parts.add(key.allowedValues().stream().map(v -> "`" + v + "`").collect(Collectors.joining(" / ")));
        } else {
            parts.add(key.isPath() ? "path" : key.type().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (key.min() != null && key.max() != null) {
            parts.add(number(key.min()) + ".." + number(key.max()));
        }
        if (key.isSecret()) {
            parts.add("secret");
        }
        return String.join(", ", parts);
    }

    private static String defaultText(ConfigKey key) {
        if (key.isRequired()) {
            return "required";
        }
        String d = key.defaultValue();
        return d == null || d.isEmpty() ? "blank" : "`" + cell(d) + "`";
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
