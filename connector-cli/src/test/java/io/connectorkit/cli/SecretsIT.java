package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No secret reaches standard output, standard error or any log line, at every
 * {@code mimecast.trace-level} and every {@code --log-level}: every command and every error path
 * runs in-process against the fake Mimecast server and the embedded index shared by the
 * integration tests (behind a proxy of this class's own that records the index credentials sent
 * and can deny writes), with the log captured to a file whose configuration also asks for the HTTP
 * client's debug output. {@link #levels()} says which level pairs run.
 */
@ExtendWith(SharedSearchNode.class)
class SecretsIT {
    private static final String CLIENT_ID = "secrets-client";
    private static final String CLIENT_SECRET = "cs-Secret-93817";
    private static final String WRONG_SECRET = "wrong-Secret-20611";
    private static final String INDEX_USER = "indexer";
    private static final String INDEX_PASSWORD = "ix-Password-42871";
    private static final String API_KEY = "a2V5LWlkOmtleS1zZWNyZXQtNzcxOTM=";
    private static IndexProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void startProxy(EmbeddedSearchNode node) throws IOException {
        proxy = IndexProxy.start(node.url());
    }

    @AfterAll
    static void stopProxy() {
        Configurator.reconfigure();
        if (proxy != null) {
            proxy.close();
        }
    }

    /**
     * Every trace level at the log level that prints every line (TRACE) and at the default (INFO),
     * plus the quietest (ERROR), whose one-sentence errors are formatted apart. A log level only
     * filters lines, it never changes a line's text, so TRACE's output holds every line the levels
     * between print. {@code -Dsecrets.all=true} runs all fifteen pairs, {@code -Dsecrets.quick=true}
     * only trace ALL with log TRACE.
     */
    static Stream<Arguments> levels() {
        List<Arguments> all = new ArrayList<>();
        for (String trace : List.of("NONE", "CALLS", "ALL")) {
            for (String level : List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE")) {
                boolean chosen = level.equals("TRACE") || level.equals("INFO")
                        || (level.equals("ERROR") && trace.equals("NONE"));
                if (Boolean.getBoolean("secrets.quick") ? !(trace + level).equals("ALLTRACE")
                        : !chosen && !Boolean.getBoolean("secrets.all")) {
                    continue;
                }
                all.add(Arguments.of(trace, level));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "trace-level {0}, log level {1}")
    @MethodSource("levels")
    void noCommandPrintsOrLogsASecret(String trace, String level) throws IOException {
        Path log = dir.resolve("connector.log");
        Path logConfig = LogCapture.config(dir, log);
        String id = "sec-" + trace.toLowerCase(Locale.ROOT) + "-" + level.toLowerCase(Locale.ROOT);
        var archive = ArchiveGenerator.seed(11).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(3)
                .attachmentShare(0.5).generate();
        List<CliRun> runs = new ArrayList<>();
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive)
                .clientCredentials(CLIENT_ID, CLIENT_SECRET).start()) {
            Map<String, String> basic = Map.of("mimecast.trace-level", trace, "sink.elasticsearch.username", INDEX_USER,
                    "sink.elasticsearch.password", "${env:TEST_INDEX_PASSWORD}");
            String file = config(server, id, basic).toString();
            String[] logging = {"--log-config", logConfig.toString(), "--log-level", level};
            runs.add(expect(0, run(logging, "check", "--config", file)));
            runs.add(expect(0, run(logging, "preview", "--config", file)));
            runs.add(expect(0, run(logging, "preview", "--json", "--config", file)));
            runs.add(expect(0, run(logging, "crawl", "--config", file)));
            runs.add(expect(0, run(logging, "crawl", "--json", "--full", "--config", file)));
            runs.add(expect(0, run(logging, "status", "--config", file)));
            runs.add(expect(0, run(logging, "status", "--json", "--config", file)));
            runs.add(expect(0, run(logging, "search", "--json", "--config", file, "*")));

            Map<String, String> wrong = new LinkedHashMap<>(basic);
            wrong.put("mimecast.client-secret", WRONG_SECRET);
            String wrongFile = config(server, id + "-wrong", wrong).toString();
            runs.add(expect(3, run(logging, "check", "--config", wrongFile)));
            runs.add(expect(3, run(logging, "crawl", "--config", wrongFile)));
            runs.add(expect(3, run(logging, "preview", "--json", "--config", wrongFile)));

            // Every message list call after the first is refused with 401 token_expired, re-mint included.
            server.resetCounters();
            server.fault(FaultRule.onCalls(Endpoint.GET_MESSAGE_LIST, 2, Long.MAX_VALUE, Fault.tokenExpired()));
            CliRun rejected = run(logging, "crawl", "--full", "--config", file);
            assertThat(rejected.status).as(rejected.toString()).isNotZero();
            runs.add(rejected);
            server.clearFaults();

            String keyFile = config(server, id + "-key", Map.of("mimecast.trace-level", trace,
                    "sink.elasticsearch.api-key", "${env:TEST_INDEX_API_KEY}")).toString();
            proxy.denyBulk(true);
            try {
                CliRun denied = run(logging, "crawl", "--json", "--config", keyFile);
                assertThat(denied.status).as(denied.toString()).isIn(1, 4);
                runs.add(denied);
            } finally {
                proxy.denyBulk(false);
            }

            String printed = runs.stream().map(CliRun::toString).collect(Collectors.joining("\n"));
            String logged = Files.readString(log, StandardCharsets.UTF_8);
            Set<String> secrets = secrets(server);
            assertThat(proxy.authorizations()).as("the index credentials were sent")
                    .contains("ApiKey " + API_KEY, "Basic " + basicToken());
            for (String secret : secrets) {
                assertThat(LogCapture.lineWith(printed, secret)).as("printed output shows the secret " + secret).isEmpty();
                assertThat(LogCapture.lineWith(logged, secret)).as("the log shows the secret " + secret).isEmpty();
            }
            if (level.equals("DEBUG") || level.equals("TRACE")) {
                assertThat(logged).as("the failures' stack traces are in the log").contains("The command failed")
                        .contains("\tat io.connectorkit.");
            }
            if (!level.equals("ERROR") && !level.equals("WARN") && !trace.equals("NONE")) {
                assertThat(logged).contains("/api/archive/get-message-list -> 200");
            }
            if (trace.equals("ALL") && !level.equals("ERROR") && !level.equals("WARN")) {
                assertThat(logged).contains("request form", "client_secret=********");
            }
        }
    }

    private static CliRun expect(int status, CliRun run) {
        assertThat(run.status).as(run.toString()).isEqualTo(status);
        return run;
    }

    private static String basicToken() {
        return Base64.getEncoder().encodeToString((INDEX_USER + ":" + INDEX_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Every value that must not be shown, the ones the servers saw included. */
    private static Set<String> secrets(FakeMimecastServer server) {
        Set<String> secrets = new LinkedHashSet<>(List.of(CLIENT_SECRET, WRONG_SECRET, INDEX_PASSWORD, API_KEY,
                basicToken()));
        List<String> bearers = server.requests().stream().map(RecordedRequest::authorization)
                .flatMap(Optional::stream).distinct().toList();
        assertThat(bearers).as("the fake issued tokens").isNotEmpty();
        for (String header : bearers) {
            secrets.add(header);
            secrets.add(header.replaceFirst("(?i)^bearer\\s+", ""));
        }
        List<String> signatures = server.requests(Endpoint.DOWNLOAD).stream().map(RecordedRequest::query)
                .flatMap(q -> Stream.of(q.split("&"))).filter(p -> p.startsWith("context="))
                .map(p -> p.substring("context=".length())).distinct().toList();
        assertThat(signatures).as("content came from signed download URLs").isNotEmpty();
        secrets.addAll(signatures);
        secrets.addAll(proxy.authorizations());
        return secrets;
    }

    private Path config(FakeMimecastServer server, String id, Map<String, String> overrides) throws IOException {
        return CrawlConfig.mimecast(SecretsIT.class, id, server.baseUrl(), CLIENT_ID, proxy.url())
                .with("mimecast.attachments.extract", "true").with(overrides).write(dir);
    }

    private static CliRun run(String[] logging, String... args) {
        String[] all = Stream.concat(Stream.of(logging), Stream.of(args)).toArray(String[]::new);
        return CliRun.run(Map.of(CrawlConfig.SECRET_VARIABLE, CLIENT_SECRET, "TEST_INDEX_PASSWORD", INDEX_PASSWORD,
                "TEST_INDEX_API_KEY", API_KEY), all);
    }
}
