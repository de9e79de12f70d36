package io.connectorkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Applies the logging options of a command line to Log4j2. The default configuration is the
 * {@code log4j2.xml} packed in the jar: INFO to standard error, libraries at WARN.
 */
public final class Logging {
    /** The logger of the project's own code. */
    static final String PROJECT_LOGGER = "io.connectorkit";
    /**
     * The HTTP client's loggers: at DEBUG they print request lines (signed download URLs),
     * headers (the Authorization values) and bodies (the token request's client secret). They
     * stay at INFO whatever a configuration file says; {@code mimecast.trace-level} shows the
     * calls without the secrets.
     */
    static final String HTTP_CLIENT_LOGGERS = "org.apache.hc";

    private Logging() {
    }

    /**
     * Replaces the logging configuration with a file. The HTTP client's wire and header loggers
     * stay at INFO (see {@link #HTTP_CLIENT_LOGGERS}).
     *
     * @param file a Log4j2 configuration file (XML, JSON, YAML or properties)
     * @throws CommandException if the file does not exist
     */
    public static void useConfigFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "--log-config " + file.toAbsolutePath()
                    + " is a directory; give the path of a Log4j2 configuration file.");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "The log configuration file "
                    + file.toAbsolutePath() + " does not exist; give the path of a Log4j2 configuration file to --log-config.");
        }
        String problem = LogConfigCheck.problem(file);
        if (problem != null) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "The log configuration file "
                    + file.toAbsolutePath() + " cannot be used (" + problem + "); give a Log4j2 configuration file"
                    + " (XML, JSON, YAML or properties) to --log-config, or leave the option out.");
        }
        Configurator.reconfigure(file.toUri());
        capHttpClientLoggers();
    }

    private static void capHttpClientLoggers() {
        Map<String, Level> caps = new LinkedHashMap<>();
        caps.put(HTTP_CLIENT_LOGGERS, Level.INFO);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggers().forEach((name, logger) -> {
            Level level = logger.getLevel();
            if (name.startsWith(HTTP_CLIENT_LOGGERS + ".") && level != null && level.isLessSpecificThan(Level.DEBUG)) {
                caps.put(name, Level.INFO);
            }
        });
        Configurator.setLevel(caps);
    }

    /**
     * Sets how much the project's own code logs. Libraries stay at WARN unless the level asks
     * for less than that, so DEBUG shows the project's detail without the libraries' noise.
     *
     * @param level the level for the project's loggers
     */
    public static void setLevel(Level level) {
        Configurator.setLevel(PROJECT_LOGGER, level);
        if (level.isMoreSpecificThan(Level.WARN)) {
            Configurator.setRootLevel(level);
        }
    }

    /**
     * Reads a level name as given on the command line.
     *
     * @param name such as {@code debug} or {@code WARN}
     * @return the level
     * @throws CommandException naming the allowed levels when the name is not one
     */
    public static Level parseLevel(String name) {
        Level level = Level.getLevel(name.trim().toUpperCase(Locale.ROOT));
        if (level == null) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "--log-level '" + name
                    + "' is not a level; use one of OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL.");
        }
        return level;
    }
}
