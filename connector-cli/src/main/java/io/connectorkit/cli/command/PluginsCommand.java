package io.connectorkit.cli.command;

import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.output.JsonOutput;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.plugin.InstalledConnector;
import io.connectorkit.runtime.plugin.PluginPath;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code connector plugins}: every connector type the command can run, with its name, version
 * and where it was loaded from (built in, or a plugin's jar).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists every connector type found: built in, or in a plugin of the plugin path, with its version and jar.")
public final class PluginsCommand implements Callable<Integer> {
    @Option(names = InstalledConnectors.OPTION, paramLabel = "DIRS",
            description = "Comma-separated plugin directories (relative to the working directory); default: the"
                    + " configuration file's connector.plugin-path, else ./plugins when it exists.")
    String pluginPath;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read the plugin path from this .properties file.")
    Path file;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public PluginsCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * One line of the listing, and one element of the JSON array.
     *
     * @param type the value of {@code connector.type}
     * @param name the display name
     * @param version the version, {@code unknown} when the connector and its jar name none
     * @param partition what the connector calls its partitions
     * @param builtIn whether it is on the command's own class path
     * @param from {@code built-in}, or the plugin jar's path
     */
    record Row(String type, String name, String version, String partition, boolean builtIn, String from) {
        static Row of(InstalledConnector c) {
            return new Row(c.type(), c.connector().displayName(), c.version(), c.connector().partitionNoun(),
                    c.builtIn(), c.origin());
        }
    }

    @Override
    public Integer call() throws Exception {
        PluginPath path = InstalledConnectors.pluginPath(context, file, pluginPath);
        ConnectorRegistry registry = ConnectorRegistry.load(path);
        List<Row> rows = new ArrayList<>();
        registry.installed().forEach(c -> rows.add(Row.of(c)));
        PrintWriter out = context.out();
        if (json) {
            out.println(JsonOutput.write(rows));
            out.flush();
            return 0;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"TYPE", "NAME", "VERSION", "FROM"});
        rows.forEach(r -> table.add(new String[] {r.type(), r.name(), r.version(), r.from()}));
        int[] widths = new int[3];
        for (String[] line : table) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : table) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(line[i]).append(" ".repeat(widths[i] - line[i].length() + 2));
            }
            out.println(text.append(line[3]));
        }
        List<String> dirs = path.directories().stream()
                .map(d -> d.toAbsolutePath() + (Files.isDirectory(d) ? "" : " (not there)")).toList();
        out.println(rows.size() + " connector type" + (rows.size() == 1 ? "" : "s") + "; plugin path: "
                + (dirs.isEmpty() ? "none" : String.join(", ", dirs)));
        out.flush();
        return 0;
    }
}
