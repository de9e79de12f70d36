package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code connector crawl} removes a mailbox only when a successful, complete listing no longer
 * returns it, within the breaker ({@code crawl.deletions.max-share}) and outside a dry run
 * ({@code crawl.deletions.dry-run}); against the fake Mimecast server listing users two per page,
 * and the embedded index shared by the integration tests.
 */
@ExtendWith(SharedSearchNode.class)
class DeletionSafetyIT {
    private static final String SECRET = "del-Secret-31337";
    private static final FakeTenant TENANT = new FakeTenant(DeletionSafetyIT.class, "del-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static Archive archive() {
        return ArchiveGenerator.seed(23).domains(1).localDomains(1).usersPerDomain(6).aliasEvery(0).shareEvery(0)
                .messagesPerView(2).attachmentShare(0).generate();
    }

    static Stream<Arguments> brokenListings() {
        return Stream.of(Arguments.of("503", Fault.serverError(503), 4), Arguments.of("403", Fault.forbidden(), 3),
                Arguments.of("cut-off JSON", Fault.malformedJson(), 4),
                Arguments.of("no data[]", Fault.missingData(), 4));
    }

    @ParameterizedTest(name = "users page 2 answers {0}")
    @MethodSource("brokenListings")
    void aUsersListingThatFailsOnALaterPageDeletesNothing(String name, Fault fault, int exit) throws IOException {
        try (FakeMimecastServer server = server().start()) {
            String id = "broken-" + name.replaceAll("[^a-z0-9]", "");
            // No breaker: only the completeness of the listing protects the index here.
            Path file = config(server, id, Map.of("crawl.deletions.max-share", "1"));
            Before before = crawlOnce(file);
            server.resetCounters();
            server.fault(FaultRule.onCalls(Endpoint.GET_INTERNAL_USERS, 2, Long.MAX_VALUE, fault));
            CliRun run = TENANT.run("crawl", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(exit);
            assertThat(run.err).contains("/api/user/get-internal-users");
            assertThat(server.calls(Endpoint.GET_INTERNAL_USERS)).as("page 2 was asked for").isGreaterThanOrEqualTo(2);
            before.assertKept(file);
        }
    }

    @Test
    void anEmptyListingDeletesNothingEvenWithoutTheBreaker() throws IOException {
        for (Endpoint listing : List.of(Endpoint.GET_INTERNAL_USERS, Endpoint.GET_INTERNAL_DOMAIN)) {
            try (FakeMimecastServer server = server().start()) {
                Path file = config(server, "empty-" + listing.ordinal(), Map.of("crawl.deletions.max-share", "1"));
                Before before = crawlOnce(file);
                server.fault(FaultRule.always(listing, Fault.emptyList()));
                CliRun run = TENANT.run("crawl", "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(1);
                assertThat(run.err).contains("the listing returned no partitions while 6 are known", "nothing was deleted");
                assertThat(run.out).contains("not removed");
                before.assertKept(file);
            }
        }
    }

    @Test
    void aMailboxAbsentFromACompleteListingIsRemoved() throws IOException {
        try (FakeMimecastServer server = server().start()) {
            Path file = config(server, "removed", Map.of());
            Before before = crawlOnce(file);
            String gone = before.mailboxes.get(0);
            config(server, "removed", Map.of("mimecast.mailboxes.exclude", regex(List.of(gone))));
            CliRun run = TENANT.run("crawl", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).contains("removed      1 mailbox no longer in scope");
            assertThat(mailboxes(file)).containsExactlyInAnyOrderElementsOf(before.mailboxes.subList(1, 6));
            assertThat(documents(file, gone)).isZero();
            assertThat(documents(file, null)).isLessThan(before.documents).isPositive();
        }
    }

    @Test
    void aRemovalTheIndexRefusesFailsTheCrawlIsNamedByStatusAndIsDoneByTheNextCrawl() throws Exception {
        try (FakeMimecastServer server = server().start()) {
            CrawlConfig source = listedTwoPerPage(TENANT.config("refused", server, node.url()));
            Path file = source.write(dir);
            Before before = crawlOnce(file);
            String gone = before.mailboxes.get(0);
            long goneDocuments = documents(file, gone);
            assertThat(goneDocuments).isPositive();
            config(server, "refused", Map.of("mimecast.mailboxes.exclude", regex(List.of(gone))));
            // The index refuses every write to the content index; reads, and the state index, still work.
            IndexQueries index = new IndexQueries(node.url());
            index.put("/" + source.index() + "/_settings", "{\"index.blocks.write\": true}");
            try {
                CliRun run = TENANT.run("crawl", "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(1);
                assertThat(run.out).contains("not removed  " + gone + ": the removal failed (",
                        "the next crawl tries again");
                assertThat(run.err).contains("1 mailboxes no longer listed could not be removed (" + gone + ")");
                assertThat(documents(file, gone)).as("still searchable").isEqualTo(goneDocuments);
                assertThat(mailboxes(file)).as("its state stays, so that the next crawl tries again").contains(gone);

                CliRun json = TENANT.run("status", "--json", "--config", file.toString());
                assertThat(json.status).as(json.toString()).isEqualTo(1);
                JsonObject last = JsonParser.parseString(json.out).getAsJsonArray().get(0).getAsJsonObject()
                        .getAsJsonObject("lastCrawl");
                assertThat(last.get("outcome").getAsString()).isEqualTo("removals-failed");
                assertThat(last.get("exitStatus").getAsInt()).isEqualTo(1);
                assertThat(last.getAsJsonArray("failedRemovals")).hasSize(1);
                assertThat(last.getAsJsonArray("failedRemovals").get(0).getAsJsonObject().get("partition")
                        .getAsString()).isEqualTo(gone);
                CliRun status = TENANT.run("status", "--config", file.toString());
                assertThat(status.status).as(status.toString()).isEqualTo(1);
                assertThat(status.out).contains(gone + "\n", "removal       failed in the last crawl: ",
                        "removals-failed: finished, but removing mailboxes no longer listed failed (exit 1)",
                        "not removed   " + gone + ": the removal failed");
            } finally {
                index.put("/" + source.index() + "/_settings", "{\"index.blocks.write\": null}");
            }

            CliRun next = TENANT.run("crawl", "--config", file.toString());
            assertThat(next.status).as(next.toString()).isZero();
            assertThat(next.out).contains("removed      1 mailbox no longer in scope").doesNotContain("not removed");
            assertThat(documents(file, gone)).isZero();
            assertThat(mailboxes(file)).containsExactlyInAnyOrderElementsOf(before.mailboxes.subList(1, 6));
            CliRun status = TENANT.run("status", "--config", file.toString());
            assertThat(status.status).as(status.toString()).isZero();
            assertThat(status.out).doesNotContain("removal       failed", "not removed");
        }
    }

    @Test
    void aSweepTheIndexRefusesFailsItsMailboxAndTheNextFullCrawlSweepsIt() throws Exception {
        Archive archive = archive();
        try (FakeMimecastServer server = server(archive).start()) {
            CrawlConfig source = listedTwoPerPage(TENANT.config("sweeprefused", server, node.url()));
            Path file = source.write(dir);
            Before before = crawlOnce(file);
            String mailbox = before.mailboxes.get(1);
            String gone = archive.messages(mailbox, View.INBOX, Instant.parse("2019-01-01T00:00:00Z"), Instant.now())
                    .findFirst().orElseThrow().id();
            assertThat(archive.deleteMessage(gone)).isTrue();
            IndexQueries index = new IndexQueries(node.url());
            index.put("/" + source.index() + "/_settings", "{\"index.blocks.write\": true}");
            try {
                CliRun run = TENANT.run("crawl", "--full", "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(1);
                assertThat(run.out).contains("1 failed", "    " + mailbox + " failed: Crawl failed after ");
                assertThat(run.err).contains("1 mailboxes failed");
                before.assertKept(file);
                CliRun status = TENANT.run("status", "--config", file.toString());
                assertThat(status.status).as(status.toString()).isEqualTo(1);
                String section = status.out.substring(status.out.indexOf(mailbox + "\n"));
                assertThat(section).as("the mailbox's own section names the failed sweep")
                        .contains("failures      1", "Crawl failed after ", mailbox);
                assertThat(status.out).contains("item-failures");
            } finally {
                index.put("/" + source.index() + "/_settings", "{\"index.blocks.write\": null}");
            }

            CliRun next = TENANT.run("crawl", "--full", "--config", file.toString());
            assertThat(next.status).as(next.toString()).isZero();
            assertThat(next.out).contains("1 deleted");
            assertThat(documents(file, null)).isEqualTo(before.documents - 1);
        }
    }

    @Test
    void theBreakerRefusesAMassRemovalNamingTheKeyAndTheFix() throws IOException {
        try (FakeMimecastServer server = server().start()) {
            Path file = config(server, "breaker", Map.of());
            Before before = crawlOnce(file);
            config(server, "breaker", Map.of("mimecast.mailboxes.exclude", regex(before.mailboxes.subList(0, 4))));
            CliRun run = TENANT.run("crawl", "--json", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(1);
            JsonObject summary = JsonParser.parseString(run.out).getAsJsonObject();
            assertThat(summary.get("outcome").getAsString()).isEqualTo("deletions-refused");
            assertThat(run.err).contains("4 of 6 known partitions", "crawl.deletions.max-share = 0.5",
                    "raise crawl.deletions.max-share for one run");
            before.assertKept(file);
        }
    }

    @Test
    void theDryRunReportsWhatItWouldRemoveAndRemovesNothing() throws IOException {
        try (FakeMimecastServer server = server().start()) {
            Path file = config(server, "dry", Map.of());
            Before before = crawlOnce(file);
            String gone = before.mailboxes.get(2);
            config(server, "dry", Map.of("mimecast.mailboxes.exclude", regex(List.of(gone)),
                    "crawl.deletions.dry-run", "true"));
            CliRun run = TENANT.run("crawl", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).contains("dry run      would remove " + gone, "crawl.deletions.dry-run");
            before.assertKept(file);
        }
    }

    @Test
    void theBreakerLetsExactlyItsShareGo() throws IOException {
        try (FakeMimecastServer server = server().start()) {
            Path file = config(server, "half", Map.of());
            Before before = crawlOnce(file);
            config(server, "half", Map.of("mimecast.mailboxes.exclude", regex(before.mailboxes.subList(0, 3))));
            CliRun run = TENANT.run("crawl", "--config", file.toString());
            assertThat(run.status).as("3 of 6 is exactly crawl.deletions.max-share = 0.5\n%s", run).isZero();
            assertThat(run.out).contains("removed      3 mailboxes no longer in scope");
            assertThat(mailboxes(file)).containsExactlyInAnyOrderElementsOf(before.mailboxes.subList(3, 6));
        }
    }

    @Test
    void aFullCrawlWhoseListingFailsMidMailboxButIsDeclaredCompleteKeepsTheIndexAndExitsOne() throws Exception {
        Archive archive = ArchiveGenerator.seed(29).domains(1).localDomains(1).usersPerDomain(6).aliasEvery(0)
                .shareEvery(0).messagesPerView(6).attachmentShare(0).generate();
        try (FakeMimecastServer server = server(archive).start()) {
            Path file = config(server, "careless", Map.of());
            Before before = crawlOnce(file);
            // The same source read by a connector that swallows a failed listing and declares it complete.
            Path careless = listedTwoPerPage(TENANT.config("careless", server, node.url()))
                    .with("connector.type", CarelessMimecastConnector.TYPE)
                    .write(Files.createDirectories(dir.resolve("careless")));
            Path connector = CommandProcess.connectorDirectory(dir, CarelessMimecastConnector.class);
            String mailbox = before.mailboxes.get(2);
            server.fault(FaultRule.laterPages(Endpoint.GET_MESSAGE_LIST, mailbox, Fault.serverError(503)));

            CliRun run = process(List.of(connector), "crawl", "--full", "--config", careless.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(1);
            assertThat(run.out).contains("0 deleted", "not swept    ");
            assertThat(run.err).contains("error: documents not seen again were kept: ",
                    "of partition '" + mailbox + "'", "more than crawl.sweep.max-share = 0.5 allows",
                    "raise crawl.sweep.max-share for one run");
            assertThat(server.calls(Endpoint.GET_MESSAGE_LIST, 503)).as("the listing failed mid-mailbox").isPositive();
            before.assertKept(file);
            CliRun status = process(List.of(connector), "status", "--config", careless.toString());
            assertThat(status.out).contains("last sweep    deleted nothing: FULL crawl of", "refused: ",
                    "crawl.sweep.max-share");

            // What happened before the breaker: the same crawl empties most of the mailbox and exits 0.
            Path unguarded = listedTwoPerPage(TENANT.config("careless", server, node.url()))
                    .with("connector.type", CarelessMimecastConnector.TYPE).with("crawl.sweep.max-share", "1")
                    .write(Files.createDirectories(dir.resolve("unguarded")));
            CliRun without = process(List.of(connector), "crawl", "--full", "--config", unguarded.toString());
            assertThat(without.status).as(without.toString()).isZero();
            assertThat(documents(file, null)).isLessThan(before.documents);
        }
    }

    @Test
    void aFullCrawlInDryRunListsWhatItsSweepWouldDeleteAndDeletesNothing() throws Exception {
        Archive archive = archive();
        try (FakeMimecastServer server = server(archive).start()) {
            Path file = config(server, "drysweep", Map.of());
            Before before = crawlOnce(file);
            String mailbox = before.mailboxes.get(1);
            String gone = archive.messages(mailbox, View.INBOX, Instant.parse("2019-01-01T00:00:00Z"), Instant.now())
                    .findFirst().orElseThrow().id();
            assertThat(archive.deleteMessage(gone)).isTrue();
            // The same file, now with the dry run.
            Path dry = config(server, "drysweep", Map.of("crawl.deletions.dry-run", "true"));

            CliRun run = process(List.of(), "crawl", "--full", "--config", dry.toString());
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).contains("0 deleted", "dry run      would delete 1 of ",
                    "documents of partition '" + mailbox + "' not seen again",
                    "crawl.deletions.dry-run = true; set it to false to delete them");
            before.assertKept(file);

            CliRun json = process(List.of(), "crawl", "--full", "--json", "--config", dry.toString());
            assertThat(json.status).as(json.toString()).isZero();
            JsonObject summary = JsonParser.parseString(json.out).getAsJsonObject();
            assertThat(summary.get("outcome").getAsString()).isEqualTo("ok");
            JsonObject report = summary.getAsJsonObject("report");
            assertThat(report.get("deletions").getAsLong()).isZero();
            long wouldDelete = 0;
            List<String> partitions = new ArrayList<>();
            for (JsonElement held : report.getAsJsonArray("dryRunSweeps")) {
                partitions.add(held.getAsJsonObject().get("partition").getAsString());
                wouldDelete += held.getAsJsonObject().get("wouldDelete").getAsLong();
            }
            assertThat(partitions).contains(mailbox);
            assertThat(report.getAsJsonArray("sweepRefusals")).isEmpty();
            before.assertKept(file);
            CliRun status = TENANT.run("status", "--config", file.toString());
            assertThat(status.out).contains("last sweep    deleted nothing: FULL crawl of", "dry run: would delete 1 of");

            config(server, "drysweep", Map.of("crawl.deletions.dry-run", "false"));
            CliRun real = TENANT.run("crawl", "--full", "--config", file.toString());
            assertThat(real.status).as(real.toString()).isZero();
            assertThat(real.out).contains(wouldDelete + " deleted");
            assertThat(documents(file, null)).isEqualTo(before.documents - wouldDelete);
            assertThat(TENANT.run("status", "--config", file.toString()).out).doesNotContain("last sweep");
        }
    }

    /** The state of the index after the first crawl. */
    private record Before(List<String> mailboxes, long documents) {
        void assertKept(Path file) {
            assertThat(DeletionSafetyIT.mailboxes(file)).as("mailboxes with state")
                    .containsExactlyInAnyOrderElementsOf(mailboxes);
            assertThat(DeletionSafetyIT.documents(file, null)).as("documents in the index").isEqualTo(documents);
        }
    }

    private static Before crawlOnce(Path file) {
        CliRun first = TENANT.run("crawl", "--config", file.toString());
        assertThat(first.status).as(first.toString()).isZero();
        List<String> mailboxes = mailboxes(file);
        assertThat(mailboxes).hasSize(6);
        long documents = documents(file, null);
        assertThat(documents).isPositive();
        return new Before(mailboxes, documents);
    }

    private static List<String> mailboxes(Path file) {
        CliRun status = TENANT.run("status", "--json", "--config", file.toString());
        List<String> out = new ArrayList<>();
        for (JsonElement p : JsonParser.parseString(status.out).getAsJsonArray()) {
            out.add(p.getAsJsonObject().get("partition").getAsString());
        }
        return out;
    }

    private static long documents(Path file, String as) {
        List<String> args = new ArrayList<>(List.of("search", "--json", "--config", file.toString()));
        if (as != null) {
            args.addAll(List.of("--as", as));
        }
        args.add("*");
        CliRun search = TENANT.run(args.toArray(String[]::new));
        assertThat(search.status).as(search.toString()).isZero();
        return JsonParser.parseString(search.out).getAsJsonObject().get("total").getAsLong();
    }

    private static String regex(List<String> mailboxes) {
        return "^(" + mailboxes.stream().map(m -> m.replace(".", "\\\\.")).collect(Collectors.joining("|")) + ")$";
    }

    private static FakeMimecastServerBuilder server() {
        return server(archive());
    }

    private static FakeMimecastServerBuilder server(Archive archive) {
        return TENANT.server(archive);
    }

    /** Users listed two per page, so that a listing has later pages; no wait for retry hints. */
    private static CrawlConfig listedTwoPerPage(CrawlConfig config) {
        return config.with("mimecast.retry-after-multiplier", "1").with("mimecast.page-size", "2");
    }

    private Path config(FakeMimecastServer server, String id, Map<String, String> overrides) throws IOException {
        return listedTwoPerPage(TENANT.config(id, server, node.url())).with(overrides).write(dir);
    }

    /** The packaged command in a process of its own, with connectors from {@code classPath} added. */
    private CliRun process(List<Path> classPath, String... args) throws IOException, InterruptedException {
        return CommandProcess.run(dir, TENANT.env(), classPath, args);
    }
}
