package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.embedded.EmbeddedCredential;
import io.connectorkit.embedded.NodeRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded index answers only its data directory's credential. A {@code demo --keep-running}
 * process from the shaded jar keeps its index up; this JVM, as another user of the machine would,
 * asks it without the credential (401), with a wrong one (401) and with the one in the data
 * directory's file (200); the directory and the file are the owner's alone; the printed curl line
 * reads the file instead of showing the password; and a second command on the same data
 * directory ({@code status}, {@code search}), which uses the running node, still works.
 */
class EmbeddedIndexCredentialIT {
    private static final Pattern CURL = Pattern.compile("curl -u \"connector:\\$\\(cat '([^']+)'\\)\" '(http://127\\.0\\.0\\.1:\\d+)/([^/]+)/_search");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int get(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void requestsWithoutTheDataDirectorysCredentialGet401AndCommandsOnTheRunningNodeSendIt() throws Exception {
        Path data = dir.resolve("demo");
        Path log = dir.resolve("demo.log");
        Process demo = new ProcessBuilder(ChildJvm.jar(List.of("-Xmx768m"), ConnectorProcess.jar(),
                List.of("demo", "--data-dir", data.toString(), "--messages", "40", "--keep-running")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("stay up until Ctrl-C")) {
                assertThat(demo.isAlive()).as("the demo runs\n%s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the demo came up\n%s", Files.readString(log)).isLessThan(deadline);
                Thread.sleep(200);
            }
            String said = Files.readString(log, StandardCharsets.UTF_8);
            Matcher curl = CURL.matcher(said);
            assertThat(curl.find()).as("the demo prints a curl line that reads the credential file\n%s", said).isTrue();
            Path file = Path.of(curl.group(1));
            String url = curl.group(2);
            String index = curl.group(3);
            assertThat(file).isEqualTo(EmbeddedCredential.file(data.resolve("opensearch")).toAbsolutePath())
                    .isRegularFile();
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(said).as("the password is never printed").doesNotContain(password);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(NodeRecord.read(file.getParent())).isPresent().get()
                    .satisfies(r -> assertThat(r.url()).isEqualTo(url));

            String good = "Basic " + Base64.getEncoder().encodeToString(("connector:" + password)
                    .getBytes(StandardCharsets.UTF_8));
            String wrong = "Basic " + Base64.getEncoder().encodeToString(("connector:" + password + "x")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(get(url + "/", null)).as("no credential").isEqualTo(401);
            assertThat(get(url + "/" + index + "/_search?q=*", null)).as("no credential, a search").isEqualTo(401);
            assertThat(get(url + "/_cat/indices", wrong)).as("a wrong password").isEqualTo(401);
            assertThat(get(url + "/", good)).as("the data directory's credential").isEqualTo(200);
            assertThat(get(url + "/" + index + "/_search?q=*", good)).isEqualTo(200);
            if (Files.isExecutable(Path.of("/usr/bin/curl"))) {
                // The printed line works as shown.
                String line = said.lines().filter(l -> l.strip().startsWith("curl -u")).findFirst().orElseThrow().strip();
                Process shell = new ProcessBuilder("sh", "-c", line + " -s -o /dev/null -w '%{http_code}'")
                        .redirectErrorStream(true).start();
                assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).as(line)
                        .isEqualTo("200");
            }

            // Commands on the same data directory use the running node and send its credential.
            String config = data.resolve("demo.properties").toString();
            CliRun status = CliRun.run("status", "--config", config);
            assertThat(status.status).as(status.toString()).isZero();
            assertThat(status.out).contains("24 mailboxes");
            CliRun search = CliRun.run("search", "--config", config, "*");
            assertThat(search.status).as(search.toString()).isZero();
            assertThat(status.err + search.err).doesNotContain(password);
        } finally {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
