package io.connectorkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Log4j configuration for {@code --log-config} that sends every line to one file, with the
 * connector's loggers at INFO and the HTTP client's (wire output included) at ALL: the settings
 * under which a secret would be most likely to reach a log. The command's {@code --log-level}
 * then lowers or raises the connector's level; the HTTP client's stays as written here unless the
 * product holds it back, which is what the secrets tests prove.
 */
final class LogCapture {
    private LogCapture() {
    }

    /**
     * Writes {@code log4j2-capture.xml} in {@code dir}.
     *
     * @param dir where to write the configuration
     * @param log the file every log line is appended to
     * @return the configuration file
     * @throws IOException if it cannot be written
     */
    static Path config(Path dir, Path log) throws IOException {
        Path file = dir.resolve("log4j2-capture.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN" shutdownHook="disable">
                  <Appenders>
                    <File name="file" fileName="%s" append="true" immediateFlush="true">
                      <PatternLayout pattern="%%d %%-5level %%c - %%msg%%n%%throwable"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="io.connectorkit" level="INFO"/>
                    <Logger name="org.apache.hc" level="ALL"/>
                    <Logger name="org.apache.hc.client5.http.wire" level="ALL"/>
                    <Root level="WARN"><AppenderRef ref="file"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(log.toAbsolutePath()), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The first line of a text that contains a secret.
     *
     * @param text the captured output or log
     * @param secret the value to look for
     * @return the line, or {@code ""} if none has it
     */
    static String lineWith(String text, String secret) {
        return text.lines().filter(l -> l.contains(secret)).findFirst().orElse("");
    }
}
