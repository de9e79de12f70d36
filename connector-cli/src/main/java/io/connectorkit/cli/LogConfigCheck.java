package io.connectorkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.status.StatusConsoleListener;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a {@code --log-config} file once before it replaces the logging configuration, so that a
 * file Log4j2 cannot read is one sentence and exit status 2 instead of a parser's stack trace on
 * standard error and a command that runs on without a log. The trial is silent: the XML parser's
 * own error output and Log4j2's status messages are held back while it runs.
 */
final class LogConfigCheck {
    private LogConfigCheck() {
    }

    /**
     * What is wrong with a log configuration file.
     *
     * @param file an existing regular file
     * @return one phrase, or {@code null} when Log4j2 reads the file without an error
     */
    static String problem(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
            String xml = xmlProblem(file);
            if (xml != null) {
                return xml;
            }
        }
        StatusLogger status = StatusLogger.getLogger();
        StatusConsoleListener console = status.getFallbackListener();
        Level consoleLevel = console.getStatusLevel();
        Collector errors = new Collector();
        console.setLevel(Level.OFF);
        status.registerListener(errors);
        try {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            Configuration trial = ConfigurationFactory.getInstance().getConfiguration(context,
                    ConfigurationSource.fromUri(file.toUri()));
            if (trial == null) {
                return "Log4j2 found no configuration in it";
            }
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            status.removeListener(errors);
            console.setLevel(consoleLevel);
        }
        return errors.messages.isEmpty() ? null : errors.messages.get(0);
    }

    private static String xmlProblem(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error] ..." to standard error before throwing.
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.parse(file.toFile());
            return null;
        } catch (SAXParseException e) {
            return "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + withoutFinalStop(e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return "not readable as XML: " + e.getMessage();
        }
    }

    private static String withoutFinalStop(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Keeps the error messages Log4j2 reports while it reads the file. */
    private static final class Collector implements StatusListener {
        private final List<String> messages = new ArrayList<>();

        @Override
        public void log(StatusData data) {
            if (data.getLevel().isMoreSpecificThan(Level.ERROR)) {
                Throwable cause = data.getThrowable();
                String text = data.getMessage().getFormattedMessage();
                messages.add(cause == null || cause.getMessage() == null ? text : text + ": " + cause.getMessage());
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.ERROR;
        }

        @Override
        public void close() {
        }
    }
}
