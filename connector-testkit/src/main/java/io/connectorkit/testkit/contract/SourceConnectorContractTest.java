package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Capability;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SourceConnector} keeps, as an abstract JUnit 5 suite. A connector's
 * test extends it, starts a source (a fake server, a fixture directory) and answers the abstract
 * methods; every test below then runs against that connector through the SPI alone, the way a
 * host would drive it, with {@link RecordingContext} and {@link RecordingEmitter} standing in for
 * the host.
 *
 * <p><b>What the subclass provides.</b> {@link #connectorType()}, a {@link #config()} for the
 * running source, a {@link #configWithBadCredentials()}, a {@link #mutator()} to change the
 * source, and optionally a {@link #faultInjector()}, an {@link #expectedDocumentCount()} and an
 * {@link #allowedResumeOverlap()}. The source must hold at least two items and at least one
 * partition.
 *
 * <p><b>Lifecycle.</b> JUnit creates one instance per test. Start the source in a
 * {@code @BeforeEach} (or {@code @BeforeAll}); {@link #config()} is called from within the test,
 * after your set-up. Tests change the source only through {@link #mutator()} and compare crawls
 * made within the same test, so a source shared by all tests works, but a fresh source per test
 * is easier to debug.
 *
 * <p><b>Capabilities.</b> Tests that need a {@link Capability} the connector does not declare are
 * skipped with a message naming it: {@link Capability#INCREMENTAL} for the incremental and resume
 * tests, {@link Capability#DELETIONS} for the partition-complete and deletion tests. The fault
 * test is skipped without a {@link #faultInjector()}, and the download-skipping test when the
 * connector never consults {@link io.connectorkit.api.KnownDocuments} or reports no download
 * metrics.
 */
public abstract class SourceConnectorContractTest {
    private static final String CONNECTOR_ID = "contract-test";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private SourceConnector connector;

    /**
     * The connector's type, the value {@link SourceConnector#type()} returns; the suite finds the
     * connector with {@link ServiceLoader} under it.
     *
     * @return the type, such as {@code mimecast}
     */
    protected abstract String connectorType();

    /**
     * A configuration of the connector's own keys that reaches the running source with good
     * credentials.
     *
     * @return key to value
     */
    protected abstract Map<String, String> config();

    /**
     * The same configuration with credentials the source rejects. Use a distinctive bad secret
     * (six characters or more): the suite checks that no message repeats it.
     *
     * @return key to value
     */
    protected abstract Map<String, String> configWithBadCredentials();

    /**
     * Changes the source for the incremental and deletion tests.
     *
     * @return the mutator of the running source
     */
    protected abstract SourceMutator mutator();

    /**
     * Makes the source fail transiently, for the fault test.
     *
     * @return the injector, or empty (the default) to skip the fault test
     */
    protected Optional<FaultInjector> faultInjector() {
        return Optional.empty();
    }

    /**
     * How many documents a full crawl of the unchanged source emits, when the test knows.
     *
     * @return the count, or empty (the default) to require only at least two
     */
    protected OptionalInt expectedDocumentCount() {
        return OptionalInt.empty();
    }

    /**
     * How many documents an incremental crawl may re-emit per partition that the checkpoint it
     * resumed from already covers, for connectors whose positions are inclusive (such as "from
     * this timestamp on"). Applies to resumes, to incremental crawls after a change and to
     * incremental crawls when nothing changed.
     *
     * @return the allowed overlap; 0 by default
     */
    protected int allowedResumeOverlap() {
        return 0;
    }

    /**
     * The clock the connector reads through {@link io.connectorkit.api.ConnectorContext#clock()},
     * for connectors whose crawl windows end at "now" and sources whose items carry fixture times.
     *
     * @return the clock; the system clock in UTC by default
     */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        Exception first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * Exactly one connector on the class path has the type, its type is lower case, and its spec is
     * the same on every call.
     */
    @Test
    void isFoundByServiceLoaderUnderItsType() {
        List<SourceConnector> found = ServiceLoader.load(SourceConnector.class).stream()
                .map(ServiceLoader.Provider::get).filter(c -> c.type().equals(connectorType())).toList();
        assertThat(found).as("connectors of type '%s' named in META-INF/services/%s", connectorType(),
                SourceConnector.class.getName()).hasSize(1);
        assertThat(connectorType()).as("a connector type is lower case")
                .isEqualTo(connectorType().toLowerCase(Locale.ROOT));
        assertThat(found.get(0).configSpec().keys()).extracting(ConfigKey::name)
                .as("configSpec() is the same on every call")
                .isEqualTo(connector().configSpec().keys().stream().map(ConfigKey::name).toList());
    }

    /**
     * The words a host lists and prints the connector by: {@code displayName()} is not blank,
     * {@code partitionNoun()} is a lower-case singular noun a summary can put before "crawled"
     * (letters, with spaces or hyphens between words), and {@code version()} is not {@code null}.
     */
    @Test
    void namesItselfAndItsPartitionsForTheHostsOutput() {
        SourceConnector c = connector();
        assertThat(c.displayName()).as("displayName(), the name 'connector plugins' lists").isNotBlank();
        assertThat(c.partitionNoun()).as("partitionNoun(), the word for a partition in progress and summaries:"
                + " lower-case letters, one word or a few").matches("[a-z]+([ -][a-z]+)*");
        assertThat(c.version()).as("version(): blank for the jar manifest's Implementation-Version").isNotNull();
    }

    /**
     * Every key whose name ends like a secret ({@code secret}, {@code password}, {@code token},
     * {@code api-key}) is declared {@link ConfigKey#secret()}.
     */
    @Test
    void declaresSecretLookingKeysAsSecret() {
        List<String> notSecret = connector().configSpec().keys().stream()
                .filter(k -> SecretKeyNames.looksSecret(k.name()) && !k.isSecret()).map(ConfigKey::name).toList();
        assertThat(notSecret).as("keys named like secrets (secret, password, token, api-key) but not declared"
                + " with ConfigKey.secret(); their values would show in messages and listings").isEmpty();
    }

    /**
     * Parsing an empty configuration throws one {@link InvalidConfigException} that names every
     * required key.
     */
    @Test
    void parsingAnEmptyConfigNamesEveryRequiredKeyAtOnce() {
        List<String> required = connector().configSpec().keys().stream().filter(ConfigKey::isRequired)
                .map(ConfigKey::name).toList();
        if (required.isEmpty()) {
            assertThatCode(() -> connector().configSpec().parse(Map.of()))
                    .as("a spec without required keys accepts an empty configuration").doesNotThrowAnyException();
            return;
        }
        try {
            connector().configSpec().parse(Map.of());
            fail("parsing an empty configuration succeeded although %s are required", required);
        } catch (InvalidConfigException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(e.problems()).extracting(ConfigProblem::key).as("keys named by one InvalidConfigException")
                    .containsAll(required);
            assertThat(e.getMessage()).contains(required);
        }
    }

    /**
     * {@link SourceConnector#check} with the good configuration runs at least one probe and fails
     * none.
     */
    @Test
    void checkWithGoodConfigReportsOk() throws Exception {
        CheckReport report = connector().check(parse(config()), context());
        assertThat(report.results()).as("check() runs at least one probe").isNotEmpty();
        assertThat(report.ok()).as("check() with the good configuration; results: %s", report.results()).isTrue();
    }

    /**
     * {@link SourceConnector#check} with bad credentials reports (or throws) {@link
     * ErrorKind#AUTHENTICATION}, without repeating the secret.
     */
    @Test
    void checkReportsBadCredentialsAsAuthentication() {
        SourceConfig bad = parse(configWithBadCredentials());
        try {
            CheckReport report = connector().check(bad, context());
            assertThat(report.failureKind()).as("check() with bad credentials; results: %s", report.results())
                    .contains(ErrorKind.AUTHENTICATION);
            for (CheckResult r : report.results()) {
                assertNoSecretIn(r.message() + " " + r.fix());
            }
        } catch (ConnectorException e) {
            assertThat(e.kind()).as("check() threw: %s", e.getMessage()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertNoSecretIn(e.getMessage());
        }
    }

    /**
     * A run with bad credentials throws {@link ErrorKind#AUTHENTICATION} from {@code open()}, {@code
     * partitions()} or {@code crawl()}, without repeating the secret.
     */
    @Test
    void crawlWithBadCredentialsFailsWithAuthentication() {
        SourceConfig bad = parse(configWithBadCredentials());
        ConnectorException thrown = null;
        try {
            RecordingContext context = context();
            new CrawlDriver(open(bad, context), context).crawlAll(CrawlMode.FULL);
        } catch (ConnectorException e) {
            thrown = e;
        }
        assertThat(thrown).as("open(), partitions() or crawl() with bad credentials must throw").isNotNull();
        assertThat(thrown.kind()).as("kind of: %s", thrown.getMessage()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertNoSecretIn(thrown.getMessage());
    }

    /**
     * Partitions are listed non-empty, without duplicate ids, and the same way twice and by two
     * sessions.
     */
    @Test
    void listsUniquePartitionsInAStableOrder() throws Exception {
        ConnectorSession session = open(parse(config()));
        List<Partition> first = session.partitions();
        assertThat(first).as("partitions of the test source").isNotEmpty();
        assertThat(first).extracting(Partition::id).doesNotHaveDuplicates();
        assertThat(session.partitions()).as("a second listing").isEqualTo(first);
        assertThat(open(parse(config())).partitions()).as("a listing by a second session").isEqualTo(first);
    }

    /**
     * A full crawl upserts every item exactly once (the expected count, or at least two) with no item
     * failures.
     */
    @Test
    void fullCrawlEmitsEveryItemOnceWithUniqueIds() throws Exception {
        CrawlResult full = fullCrawl();
        assertThat(full.duplicateIds()).as("ids upserted more than once by one full crawl").isEmpty();
        full.partitions().values().forEach(e -> assertThat(e.failures())
                .as("item failures crawling healthy partition %s", e.partitionId()).isEmpty());
        int expected = expectedDocumentCount().orElse(-1);
        if (expected >= 0) {
            assertThat(full.upsertedIds()).as("documents of a full crawl").hasSize(expected);
        } else {
            assertThat(full.upsertedIds()).as("documents of a full crawl (the source holds at least two items)")
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /**
     * Every parent id is a document of the crawl. (A document belongs to the partition whose emitter
     * received it; it names no partition of its own that could disagree.)
     */
    @Test
    void documentsBelongToThePartitionTheyWereEmittedIn() throws Exception {
        CrawlResult full = fullCrawl();
        Set<String> all = full.distinctIds();
        full.partitions().forEach((partitionId, emitter) -> {
            for (Document d : emitter.upserts()) {
                if (d.parentId() != null) {
                    assertThat(all).as("parent of document %s", d.id()).contains(d.parentId());
                }
            }
        });
    }

    /**
     * Two sessions' full crawls emit the same ids per partition with the same versions.
     */
    @Test
    void idsAreDeterministicAcrossSessions() throws Exception {
        CrawlResult first = fullCrawl();
        CrawlResult second = fullCrawl();
        assertThat(second.idsByPartition()).as("ids of a full crawl in a second session")
                .isEqualTo(first.idsByPartition());
        assertThat(second.versions()).as("versions of unchanged items in a second session")
                .isEqualTo(first.versions());
    }

    /**
     * A second full crawl in the same session, with {@link io.connectorkit.api.KnownDocuments}
     * holding the first, emits the same ids and versions, each once.
     */
    @Test
    void secondFullCrawlEmitsSameIdsAndVersions() throws Exception {
        RecordingContext context = context();
        CrawlDriver driver = new CrawlDriver(open(parse(config()), context), context);
        CrawlResult first = driver.crawlAll(CrawlMode.FULL);
        CrawlResult second = driver.crawlAll(CrawlMode.FULL);
        assertThat(second.idsByPartition()).as("ids of a second full crawl; KnownDocuments now holds the first")
                .isEqualTo(first.idsByPartition());
        assertThat(second.versions()).as("versions of a second full crawl").isEqualTo(first.versions());
        assertThat(second.duplicateIds()).as("ids upserted twice by the second full crawl").isEmpty();
    }

    /**
     * A connector that consults {@link io.connectorkit.api.KnownDocuments} and counts downloads
     * downloads nothing on a second full crawl of an unchanged source.
     */
    @Test
    void fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments() throws Exception {
        RecordingContext context = context();
        CrawlDriver driver = new CrawlDriver(open(parse(config()), context), context);
        driver.crawlAll(CrawlMode.FULL);
        Map<String, Long> first = context.counters();
        driver.crawlAll(CrawlMode.FULL);
        Map<String, Long> second = context.counters();
        assumeTrue(context.knownDocumentLookups() > 0,
                "Skipped: the connector never consults ConnectorContext.knownDocuments()");
        assumeTrue(downloads(first) > 0, "Skipped: the connector reports no ConnectorMetrics.DOWNLOADS or"
                + " BYTES_DOWNLOADED, so skipped downloads cannot be seen");
        assertThat(downloads(second) - downloads(first))
                .as("downloads and bytes downloaded by a second full crawl while KnownDocuments holds every"
                        + " document at its current version").isZero();
    }

    /**
     * Crawling every partition at once in one session emits what crawling them in turn does.
     */
    @Test
    void crawlsPartitionsConcurrentlyWithTheSameResult() throws Exception {
        CrawlResult sequential = fullCrawl();
        RecordingContext context = context();
        CrawlResult concurrent = new CrawlDriver(open(parse(config()), context), context)
                .crawlAllConcurrently(CrawlMode.FULL, 4);
        assertThat(concurrent.idsByPartition()).as("ids of partitions crawled at once")
                .isEqualTo(sequential.idsByPartition());
    }

    /**
     * After {@link SourceMutator#addItem}, an incremental crawl from the latest checkpoints emits
     * every new or changed id (by comparing full crawls before and after) and, per partition, at most
     * {@link #allowedResumeOverlap()} others.
     */
    @Test
    void incrementalCrawlAfterAChangeEmitsOnlyTheChange() throws Exception {
        assumeCapability(Capability.INCREMENTAL);
        RecordingContext context = context();
        CrawlResult baseline = new CrawlDriver(open(parse(config()), context), context).crawlAll(CrawlMode.INCREMENTAL);
        Map<String, String> before = fullCrawl().versions();
        Partition changed = firstPartition();
        mutator().addItem(changed);

        CrawlResult incremental = new CrawlDriver(open(parse(config()), context), context)
                .crawlAll(CrawlMode.INCREMENTAL, baseline.lastCheckpoints());
        CrawlResult after = fullCrawl();
        Set<String> change = new LinkedHashSet<>();
        after.versions().forEach((id, version) -> {
            if (!version.equals(before.get(id))) {
                change.add(id);
            }
        });
        assertThat(change).as("new or changed ids in a full crawl after addItem(%s)", changed.id()).isNotEmpty();
        assertThat(after.partition(changed.id()).upsertedIds()).as("ids of partition %s", changed.id())
                .containsAll(change);
        assertThat(incremental.distinctIds()).as("ids of the incremental crawl after the change (at least the change)")
                .containsAll(change);
        incremental.partitions().forEach((partitionId, emitter) -> {
            Set<String> extra = new LinkedHashSet<>(emitter.upsertedIds());
            extra.removeAll(change);
            assertThat(extra).as("unchanged items re-emitted by the incremental crawl of %s (allowed overlap %d)",
                    partitionId, allowedResumeOverlap()).hasSizeLessThanOrEqualTo(allowedResumeOverlap());
        });
    }

    /**
     * An incremental crawl from no checkpoint emits everything; resumed from each of its checkpoints,
     * what was emitted before the checkpoint plus what the resumed crawl emits is exactly the full
     * set, the resumed crawl re-emits at most {@link #allowedResumeOverlap()} covered items, and none
     * twice.
     */
    @Test
    void resumesFromEveryCheckpointWithoutDuplicates() throws Exception {
        assumeCapability(Capability.INCREMENTAL);
        Map<String, Set<String>> full = fullCrawl().idsByPartition();
        RecordingContext context = context();
        ConnectorSession session = open(parse(config()), context);
        CrawlDriver driver = new CrawlDriver(session, context);
        CrawlResult first = driver.crawlAll(CrawlMode.INCREMENTAL);
        assertThat(first.idsByPartition()).as("ids of a first incremental crawl (no checkpoint: everything)")
                .isEqualTo(full);

        List<String> problems = new ArrayList<>();
        int checkpoints = 0;
        for (Partition partition : session.partitions()) {
            RecordingEmitter crawl = first.partition(partition.id());
            Set<String> expected = full.get(partition.id());
            for (int i = 0; i < crawl.checkpoints().size(); i++) {
                checkpoints++;
                Checkpoint checkpoint = crawl.checkpoints().get(i);
                Set<String> covered = new LinkedHashSet<>(crawl.upsertedIdsBefore(i));
                // The context already holds the first crawl, so a connector may declare items after the
                // checkpoint unchanged instead of upserting them: both count as emitted.
                List<String> resumed = driver.crawl(partition, checkpoint, CrawlMode.INCREMENTAL).seenIds();
                String where = "partition " + partition.id() + ", checkpoint " + i + " '" + checkpoint.value() + "': ";
                Set<String> union = new LinkedHashSet<>(covered);
                union.addAll(resumed);
                Set<String> missing = minus(expected, union);
                Set<String> unexpected = minus(union, expected);
                Set<String> overlap = new LinkedHashSet<>(resumed);
                overlap.retainAll(covered);
                if (!missing.isEmpty()) {
                    problems.add(where + "items never emitted (the checkpoint skips them): " + missing);
                }
                if (!unexpected.isEmpty()) {
                    problems.add(where + "ids not in a full crawl: " + unexpected);
                }
                if (overlap.size() > allowedResumeOverlap()) {
                    problems.add(where + "re-emitted " + overlap.size() + " items the checkpoint covers (allowed "
                            + allowedResumeOverlap() + "): " + overlap);
                }
                if (new HashSet<>(resumed).size() != resumed.size()) {
                    problems.add(where + "the resumed crawl emitted an id twice: " + resumed);
                }
            }
        }
        assertThat(checkpoints).as("checkpoints emitted by an incremental crawl").isPositive();
        assertThat(problems).as("resuming from each of %d checkpoints", checkpoints).isEmpty();
    }

    /**
     * Every partition's incremental crawl ends with a checkpoint, and a crawl from it emits no
     * deletes and at most {@link #allowedResumeOverlap()} upserts while the source is unchanged.
     */
    @Test
    void incrementalCrawlFromTheLatestCheckpointEmitsNothingWhenNothingChanged() throws Exception {
        assumeCapability(Capability.INCREMENTAL);
        RecordingContext context = context();
        CrawlResult first = new CrawlDriver(open(parse(config()), context), context).crawlAll(CrawlMode.INCREMENTAL);
        assertThat(first.lastCheckpoints()).as("partitions that ended with a checkpoint")
                .containsOnlyKeys(first.partitions().keySet());
        CrawlResult again = new CrawlDriver(open(parse(config()), context), context)
                .crawlAll(CrawlMode.INCREMENTAL, first.lastCheckpoints());
        again.partitions().forEach((partitionId, emitter) -> {
            assertThat(emitter.upsertedIds()).as("upserts of partition %s from its latest checkpoint", partitionId)
                    .hasSizeLessThanOrEqualTo(allowedResumeOverlap());
            assertThat(emitter.deletedIds()).as("deletes of partition %s when nothing changed", partitionId).isEmpty();
        });
    }

    /**
     * A full crawl calls {@link io.connectorkit.api.Emitter#partitionComplete()} exactly once per
     * partition, after its last upsert.
     */
    @Test
    void fullCrawlDeclaresEveryPartitionComplete() throws Exception {
        assumeCapability(Capability.DELETIONS);
        fullCrawl().partitions().forEach((partitionId, emitter) -> {
            assertThat(emitter.partitionCompleteCount()).as("partitionComplete() calls crawling %s in FULL mode",
                    partitionId).isEqualTo(1);
            List<Emission> emissions = emitter.emissions();
            assertThat(emissions.subList(emissions.indexOf(Emission.partitionComplete()), emissions.size()))
                    .as("emissions after partitionComplete() in %s", partitionId)
                    .noneMatch(e -> e.type() == Emission.Type.UPSERT);
        });
    }

    /**
     * After {@link SourceMutator#deleteItem}, the next full crawl no longer emits the item (and
     * completes the partition, so the host sweeps it) or emits it as a delete, and emits no new ids.
     */
    @Test
    void deletedItemsAreNotEmittedByTheNextFullCrawl() throws Exception {
        assumeCapability(Capability.DELETIONS);
        CrawlResult before = fullCrawl();
        Partition partition = firstPartition();
        try {
            mutator().deleteItem(partition);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("Skipped: the connector declares Capability.DELETIONS but the test's "
                    + "SourceMutator.deleteItem is not implemented");
        }
        RecordingEmitter after = fullCrawl().partition(partition.id());
        Set<String> gone = minus(before.idsByPartition().get(partition.id()), new HashSet<>(after.seenIds()));
        Set<String> removed = new LinkedHashSet<>(gone);
        removed.addAll(after.deletedIds());
        assertThat(removed).as("ids of %s no longer emitted, or deleted, after deleteItem", partition.id())
                .isNotEmpty();
        if (!after.deletedIds().containsAll(gone)) {
            assertThat(after.partitionCompleteCount()).as("partitionComplete() calls, needed for the host to sweep %s",
                    minus(gone, new HashSet<>(after.deletedIds()))).isEqualTo(1);
        }
        assertThat(minus(new HashSet<>(after.seenIds()), before.idsByPartition().get(partition.id())))
                .as("new ids in %s after a deletion", partition.id()).isEmpty();
    }

    /**
     * During a {@link FaultInjector#injectTransientFault() transient fault} a crawl throws a
     * retryable kind or completes with every item emitted or reported as a retryable failure; once
     * the fault is cleared a full crawl emits everything again.
     */
    @Test
    void transientFaultIsRetryableOrRetriedInternally() throws Exception {
        Optional<FaultInjector> injector = faultInjector();
        assumeTrue(injector.isPresent(), "Skipped: no FaultInjector; override faultInjector() to run this test");
        Map<String, Set<String>> healthy = fullCrawl().idsByPartition();
        injector.get().injectTransientFault();
        try {
            CrawlResult faulty = fullCrawl();
            Set<String> retryableFailures = new HashSet<>();
            faulty.partitions().values().forEach(e -> e.failures().stream()
                    .filter(f -> f.kind().isRetryable()).map(ItemFailure::itemId).forEach(retryableFailures::add));
            healthy.forEach((partitionId, ids) -> assertThat(minus(ids, faulty.distinctIds()))
                    .as("items of %s neither emitted nor reported as retryable failures during the fault", partitionId)
                    .isSubsetOf(retryableFailures));
        } catch (ConnectorException e) {
            assertThat(e.kind()).as("kind of the exception thrown during a transient fault: %s", e.getMessage())
                    .matches(ErrorKind::isRetryable, "retryable (TRANSIENT or RATE_LIMITED)");
        } finally {
            injector.get().clearFaults();
        }
        assertThat(fullCrawl().idsByPartition()).as("ids of a full crawl once the fault passed").isEqualTo(healthy);
    }

    /**
     * Items that failed with a {@link ItemFailure#sourceRef() source reference} during an
     * {@link FaultInjector#injectItemFault() item fault} (or else a
     * {@link FaultInjector#injectTransientFault() transient fault}) are fetched again by
     * {@link ConnectorSession#refetch} once the fault is cleared: it returns {@code true} and emits
     * each of them as a document (or a delete), with no checkpoint and no completed listing. Skipped
     * (with the reason) without a fault injector, or when no failure carries a reference (the
     * connector does not fetch failed items again; the host then leaves them to a FULL crawl).
     */
    @Test
    void itemsThatFailedWithASourceReferenceAreFetchedAgainByRefetch() throws Exception {
        Optional<FaultInjector> injector = faultInjector();
        assumeTrue(injector.isPresent(), "Skipped: no FaultInjector; override faultInjector() to run this test");
        CrawlResult faulty = null;
        try {
            injector.get().injectItemFault();
        } catch (UnsupportedOperationException e) {
            injector.get().injectTransientFault();
        }
        try {
            faulty = fullCrawl();
        } catch (ConnectorException e) {
            // Checked by transientFaultIsRetryableOrRetriedInternally; no item failure to fetch again here.
        } finally {
            injector.get().clearFaults();
        }
        Map<String, List<ItemFailure>> withRef = new LinkedHashMap<>();
        if (faulty != null) {
            faulty.partitions().forEach((partitionId, e) -> e.failures().stream().filter(f -> f.sourceRef() != null)
                    .forEach(f -> withRef.computeIfAbsent(partitionId, k -> new ArrayList<>()).add(f)));
        }
        assumeTrue(!withRef.isEmpty(), () -> "Skipped: no item failure with a source reference during the transient"
                + " fault, so there is nothing to fetch again through ConnectorSession.refetch (connector '"
                + connectorType() + "' leaves failed items to a FULL crawl, or the fault failed no single item:"
                + " implement FaultInjector.injectItemFault)");
        RecordingContext context = context();
        ConnectorSession session = open(parse(config()), context);
        Map<String, Partition> partitions = new LinkedHashMap<>();
        session.partitions().forEach(p -> partitions.put(p.id(), p));
        for (Map.Entry<String, List<ItemFailure>> entry : withRef.entrySet()) {
            Partition partition = partitions.get(entry.getKey());
            assertThat(partition).as("partition %s, listed again", entry.getKey()).isNotNull();
            List<String> refs = entry.getValue().stream().map(ItemFailure::sourceRef).distinct().toList();
            RecordingEmitter emitter = new RecordingEmitter(partition.id());
            assertThat(session.refetch(partition, refs, emitter)).as("refetch of partition %s for the references"
                    + " its failures carried: %s", partition.id(), refs).isTrue();
            Set<String> landed = new HashSet<>(emitter.upsertedIds());
            landed.addAll(emitter.deletedIds());
            assertThat(entry.getValue().stream().map(ItemFailure::itemId).toList())
                    .as("failed items of %s fetched again once the fault passed (failures now: %s)", partition.id(),
                            emitter.failures())
                    .isSubsetOf(landed);
            assertThat(emitter.checkpoints()).as("checkpoints emitted by refetch in %s", partition.id()).isEmpty();
        }
    }

    /**
     * Every key whose value {@link #configWithBadCredentials()} changes is a credential, and is
     * declared {@link ConfigKey#secret()}: whatever it is named, its value would otherwise show in
     * messages and listings.
     */
    @Test
    void credentialKeysAreDeclaredSecret() {
        List<String> credentialKeys = credentialKeys();
        assertThat(credentialKeys).as("keys whose values configWithBadCredentials() changes (the credentials)")
                .isNotEmpty();
        Map<String, ConfigKey> declared = new LinkedHashMap<>();
        connector().configSpec().keys().forEach(k -> declared.put(k.name(), k));
        List<String> notSecret = credentialKeys.stream()
                .filter(k -> declared.get(k) != null && !declared.get(k).isSecret()).toList();
        assertThat(notSecret).as("credential keys (their values differ in configWithBadCredentials()) not declared"
                + " with ConfigKey.secret(); their values would show in error messages and listings").isEmpty();
    }

    /**
     * Nothing the suite can see repeats a credential, good or bad: check reports, {@code toString()}
     * of connector and session, partitions, previews, documents, failures, checkpoints and their
     * descriptions, exception messages, and what the connector logged (java.util.logging, Log4j)
     * or printed while the test ran.
     */
    @Test
    void noOutputRepeatsACredential() throws Exception {
        SecretScan scan = new SecretScan(credentials());
        assertThat(scan.hasCredentials()).as("credentials of 6 characters or more in config() and"
                + " configWithBadCredentials() (make them distinctive so that a leak can be seen)").isTrue();
        try (OutputCapture output = OutputCapture.start()) {
            SourceConfig good = parse(config());
            SourceConfig bad = parse(configWithBadCredentials());
            scan.look("connector.toString()", connector().toString());
            lookAtCheck(scan, "check() with good credentials", good);
            lookAtCheck(scan, "check() with bad credentials", bad);
            RecordingContext context = context();
            ConnectorSession session = open(good, context);
            scan.look("session.toString()", session.toString());
            List<Partition> partitions = session.partitions();
            for (Partition p : partitions) {
                scan.look("partition " + p.id(), p.id() + " " + p.displayName() + " " + p.attributes());
            }
            for (ScopeDecision d : session.preview()) {
                scan.look("preview() decision for " + d.item(), d);
            }
            CrawlResult full = new CrawlDriver(session, context).crawlAll(CrawlMode.FULL);
            full.partitions().forEach((partitionId, emitter) -> lookAtCrawl(scan, partitionId, emitter));
            if (connector().capabilities().contains(Capability.INCREMENTAL)) {
                RecordingContext again = context();
                new CrawlDriver(open(good, again), again).crawlAll(CrawlMode.INCREMENTAL).partitions()
                        .forEach((partitionId, emitter) -> lookAtCrawl(scan, partitionId + " (incremental)", emitter));
            }
            try {
                RecordingContext badContext = context();
                new CrawlDriver(open(bad, badContext), badContext).crawlAll(CrawlMode.FULL);
            } catch (ConnectorException e) {
                scan.look("the exception of a crawl with bad credentials", e);
            }
            scan.look("what was logged or printed (" + String.join(", ", output.sources()) + ")", output.text());
        }
        assertThat(scan.leaks()).as("places that repeat a credential (values of the keys configWithBadCredentials()"
                + " changes, and of secret keys); mask them or leave them out").isEmpty();
    }

    /**
     * With a {@link FaultInjector#injectListingFault listing fault} that strikes after {@code
     * partitions()} answered, a full crawl of the partition never calls {@code partitionComplete()}
     * while items are missing: the host would delete every item it did not see. It throws a
     * retryable kind or reports the missing items as retryable failures; once the fault is cleared
     * a full crawl emits everything again.
     */
    @Test
    void faultWhileListingAPartitionNeverDeclaresItComplete() throws Exception {
        Optional<FaultInjector> injector = faultInjector();
        assumeTrue(injector.isPresent(), "Skipped: no FaultInjector; override faultInjector() to run this test");
        CrawlResult healthy = fullCrawl();
        RecordingContext context = context();
        ConnectorSession session = open(parse(config()), context);
        Partition partition = largestPartition(session.partitions(), healthy);
        try {
            injector.get().injectListingFault(partition);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("Skipped: FaultInjector.injectListingFault is not implemented; implement it to check"
                    + " what crawl() does when the source fails in the middle of a partition's listing");
        }
        Set<String> expected = healthy.idsByPartition().get(partition.id());
        RecordingEmitter emitter = context.emitter(partition);
        try {
            session.crawl(partition, null, CrawlMode.FULL, emitter);
            Set<String> missing = minus(expected, new HashSet<>(emitter.seenIds()));
            missing.removeAll(emitter.failures().stream().map(ItemFailure::itemId).toList());
            if (emitter.partitionCompleteCount() > 0) {
                assertThat(missing).as("items of %s neither emitted nor reported as failures by a FULL crawl that"
                        + " called partitionComplete() during a listing fault (the host would delete them); a"
                        + " listing that fails must throw or report them, and must not complete the partition",
                        partition.id()).isEmpty();
            }
            Set<String> retryable = new HashSet<>(emitter.failures().stream().filter(f -> f.kind().isRetryable())
                    .map(ItemFailure::itemId).toList());
            assertThat(minus(expected, new HashSet<>(emitter.seenIds())))
                    .as("items of %s neither emitted nor reported as retryable failures by a crawl that returned"
                            + " normally during a listing fault (throw a retryable ConnectorException instead)",
                            partition.id()).isSubsetOf(retryable);
        } catch (ConnectorException e) {
            assertThat(e.kind()).as("kind of the exception thrown during a listing fault: %s", e.getMessage())
                    .matches(ErrorKind::isRetryable, "retryable (TRANSIENT or RATE_LIMITED)");
            assertThat(emitter.partitionCompleteCount()).as("partitionComplete() calls of a crawl of %s that then"
                    + " failed", partition.id()).isZero();
        } finally {
            injector.get().clearFaults();
        }
        assertThat(fullCrawl().idsByPartition()).as("ids of a full crawl once the fault passed")
                .isEqualTo(healthy.idsByPartition());
    }

    /**
     * After {@link SourceMutator#updateItem}, a full crawl emits the same ids, one of them with a
     * new version, and (with {@link Capability#INCREMENTAL}) an incremental crawl from the latest
     * checkpoints emits the changed item.
     */
    @Test
    void changedItemIsEmittedAgainWithANewVersion() throws Exception {
        assumeCapability(Capability.UPDATES);
        boolean incremental = connector().capabilities().contains(Capability.INCREMENTAL);
        RecordingContext context = context();
        Map<String, Checkpoint> checkpoints = incremental
                ? new CrawlDriver(open(parse(config()), context), context).crawlAll(CrawlMode.INCREMENTAL)
                        .lastCheckpoints()
                : Map.of();
        CrawlResult before = fullCrawl();
        Partition partition = firstPartition();
        try {
            mutator().updateItem(partition);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("Skipped: the connector declares Capability.UPDATES but the test's"
                    + " SourceMutator.updateItem is not implemented");
        }
        CrawlResult after = fullCrawl();
        assertThat(after.idsByPartition()).as("ids of a full crawl after updateItem(%s): an update adds and removes"
                + " nothing", partition.id()).isEqualTo(before.idsByPartition());
        Set<String> changed = new LinkedHashSet<>();
        after.versions().forEach((id, version) -> {
            if (!version.equals(before.versions().get(id))) {
                changed.add(id);
            }
        });
        assertThat(changed).as("ids whose version changed after updateItem(%s); a version must change whenever"
                + " the item does, or the host never re-indexes it", partition.id()).isNotEmpty();
        if (incremental) {
            CrawlResult next = new CrawlDriver(open(parse(config()), context), context)
                    .crawlAll(CrawlMode.INCREMENTAL, checkpoints);
            assertThat(next.distinctIds()).as("ids of an incremental crawl after updateItem(%s)", partition.id())
                    .containsAll(changed);
        }
    }

    /**
     * A checkpoint from ahead of the source (the latest checkpoint {@link SourceConnector#rewind
     * rewound} to a year after now, which a connector may also keep as it is) is no reason to start
     * over: an incremental crawl from it throws nothing and emits at most {@link
     * #allowedResumeOverlap()} documents and no deletes.
     */
    @Test
    void checkpointFromAheadOfTheSourceDoesNotStartOver() throws Exception {
        assumeCapability(Capability.INCREMENTAL);
        RecordingContext context = context();
        ConnectorSession session = open(parse(config()), context);
        List<Partition> listed = session.partitions();
        CrawlDriver driver = new CrawlDriver(session, context);
        CrawlResult first = driver.crawlAll(CrawlMode.INCREMENTAL);
        Instant ahead = clock().instant().plus(Duration.ofDays(366));
        Map<String, Checkpoint> rewound = rewoundCheckpoints(first, ahead);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Checkpoint> e : rewound.entrySet()) {
            RecordingEmitter again = driver.crawl(partition(listed, e.getKey()), e.getValue(), CrawlMode.INCREMENTAL);
            if (again.upsertedIds().size() > allowedResumeOverlap()) {
                problems.add("partition " + e.getKey() + ": " + again.upsertedIds().size() + " documents emitted again"
                        + " (allowed " + allowedResumeOverlap() + "): " + again.upsertedIds());
            }
            if (!again.deletedIds().isEmpty()) {
                problems.add("partition " + e.getKey() + ": deleted " + again.deletedIds());
            }
        }
        assertThat(problems).as("incremental crawls from checkpoints rewound to %s, ahead of the source", ahead)
                .isEmpty();
    }

    /**
     * A checkpoint {@link SourceConnector#rewind rewound} to before every item is one the connector
     * accepts, and an incremental crawl from it reads the whole partition again; rewound to now, it
     * is accepted too. {@link SourceConnector#describe} describes each.
     */
    @Test
    void rewoundCheckpointIsAcceptedAndReadsAgainFromThatTime() throws Exception {
        assumeCapability(Capability.INCREMENTAL);
        RecordingContext context = context();
        ConnectorSession session = open(parse(config()), context);
        List<Partition> listed = session.partitions();
        CrawlDriver driver = new CrawlDriver(session, context);
        CrawlResult first = driver.crawlAll(CrawlMode.INCREMENTAL);
        Map<String, Set<String>> full = first.idsByPartition();
        List<String> problems = new ArrayList<>();
        for (Instant to : List.of(Instant.EPOCH, clock().instant())) {
            for (Map.Entry<String, Checkpoint> e : rewoundCheckpoints(first, to).entrySet()) {
                String where = "partition " + e.getKey() + ", rewound to " + to + " ('" + e.getValue().value() + "'): ";
                assertThat(connector().describe(e.getValue())).as("describe() of %s", where).isNotBlank();
                try {
                    Set<String> seen = new LinkedHashSet<>(driver.crawl(partition(listed, e.getKey()), e.getValue(),
                            CrawlMode.INCREMENTAL).seenIds());
                    Set<String> expected = full.get(e.getKey());
                    if (!minus(seen, expected).isEmpty()) {
                        problems.add(where + "ids not in a full crawl: " + minus(seen, expected));
                    }
                    if (to.equals(Instant.EPOCH) && !seen.containsAll(expected)) {
                        problems.add(where + "items not read again: " + minus(expected, seen));
                    }
                } catch (ConnectorException ex) {
                    problems.add(where + "the connector rejected its own rewound checkpoint: " + ex.kind() + " "
                            + ex.getMessage());
                }
            }
        }
        assertThat(problems).as("incremental crawls from rewound checkpoints (after a host's reset --to)").isEmpty();
    }

    /**
     * {@link SourceConnector#describe} describes every checkpoint a crawl emits, without throwing.
     */
    @Test
    void describesEveryCheckpointItEmits() throws Exception {
        CrawlMode mode = connector().capabilities().contains(Capability.INCREMENTAL)
                ? CrawlMode.INCREMENTAL : CrawlMode.FULL;
        RecordingContext context = context();
        CrawlResult crawl = new CrawlDriver(open(parse(config()), context), context).crawlAll(mode);
        List<Checkpoint> checkpoints = crawl.partitions().values().stream()
                .flatMap(e -> e.checkpoints().stream()).toList();
        assumeTrue(!checkpoints.isEmpty(), "Skipped: a " + mode + " crawl emitted no checkpoint to describe");
        for (Checkpoint c : checkpoints) {
            assertThat(connector().describe(c)).as("describe() of checkpoint '%s'", c.value()).isNotBlank();
        }
    }

    /**
     * A crawl cancelled after its first document stops: at most one write after the cancellation
     * (the one that threw {@link io.connectorkit.api.CancelledException}), no {@code
     * partitionComplete()}, and (with {@link Capability#INCREMENTAL}) its last checkpoint covers only
     * what it emitted, so a crawl resumed from it emits the rest.
     */
    @Test
    void cancelledCrawlStopsAndItsCheckpointCoversOnlyWhatItEmitted() throws Exception {
        CrawlResult full = fullCrawl();
        Partition partition = largestPartition(open(parse(config())).partitions(), full);
        Set<String> expected = full.idsByPartition().get(partition.id());
        assumeTrue(expected.size() >= 2, "Skipped: no partition holds two items, so no crawl can be cancelled"
                + " in the middle");
        boolean incremental = connector().capabilities().contains(Capability.INCREMENTAL);
        CrawlMode mode = incremental ? CrawlMode.INCREMENTAL : CrawlMode.FULL;
        RecordingContext context = context();
        ConnectorSession session = open(parse(config()), context);
        context.cancelAfterUpserts(1);
        RecordingEmitter cancelled = context.emitter(partition);
        try {
            session.crawl(partition, null, mode, cancelled);
        } catch (CancelledException e) {
            // What a connector does that lets the emitter's exception propagate.
        }
        assertThat(cancelled.writesAfterCancellation()).as("writes attempted after the run was cancelled (each threw"
                + " CancelledException); check ConnectorContext.cancelled() between items and let CancelledException propagate")
                .isLessThanOrEqualTo(1);
        assertThat(cancelled.partitionCompleteCount()).as("partitionComplete() calls of a crawl cancelled after one"
                + " of %d documents", expected.size()).isZero();
        if (!incremental) {
            return;
        }
        Checkpoint last = cancelled.lastCheckpoint();
        Set<String> covered = last == null ? Set.of()
                : new LinkedHashSet<>(cancelled.upsertedIdsBefore(cancelled.checkpoints().size() - 1));
        RecordingContext resumeContext = context();
        List<String> resumed = new CrawlDriver(open(parse(config()), resumeContext), resumeContext)
                .crawl(partition, last, CrawlMode.INCREMENTAL).seenIds();
        Set<String> union = new LinkedHashSet<>(cancelled.upsertedIds());
        union.addAll(resumed);
        assertThat(minus(expected, union)).as("items of %s never emitted: the cancelled crawl's last checkpoint '%s'"
                + " covers them although it did not emit them", partition.id(), last == null ? null : last.value())
                .isEmpty();
        Set<String> overlap = new LinkedHashSet<>(resumed);
        overlap.retainAll(covered);
        assertThat(overlap).as("items the cancelled crawl's checkpoint covers, emitted again by the resumed crawl"
                + " (allowed overlap %d)", allowedResumeOverlap()).hasSizeLessThanOrEqualTo(allowedResumeOverlap());
        assertThat(resumed).as("ids of the resumed crawl").doesNotHaveDuplicates();
    }

    /**
     * A connector that declares {@link Capability#ACLS} gives every document a non-empty access
     * control list.
     */
    @Test
    void documentsCarryAnAclWhenTheConnectorDeclaresAcls() throws Exception {
        assumeCapability(Capability.ACLS);
        List<String> without = fullCrawl().partitions().values().stream().flatMap(e -> e.upserts().stream())
                .filter(d -> d.acl().isEmpty()).map(Document::id).toList();
        assertThat(without).as("documents without an ACL from a connector that declares Capability.ACLS (an empty"
                + " ACL means unrestricted)").isEmpty();
    }

    /**
     * A connector that declares {@link Capability#ATTACHMENTS} emits at least one child document, and
     * each child's parent is emitted before it by the same partition's crawl.
     */
    @Test
    void attachmentsFollowTheirParentInTheSamePartition() throws Exception {
        assumeCapability(Capability.ATTACHMENTS);
        CrawlResult full = fullCrawl();
        List<String> problems = new ArrayList<>();
        int children = 0;
        for (RecordingEmitter emitter : full.partitions().values()) {
            Set<String> earlier = new HashSet<>();
            for (Emission e : emitter.emissions()) {
                if (e.type() == Emission.Type.UPSERT && e.document().parentId() != null) {
                    children++;
                    if (!earlier.contains(e.document().parentId())) {
                        problems.add("document " + e.documentId() + " of partition " + emitter.partitionId()
                                + " names parent " + e.document().parentId() + ", which that crawl did not emit before it");
                    }
                }
                if (e.documentId() != null) {
                    earlier.add(e.documentId());
                }
            }
        }
        assertThat(children).as("child documents (with a parentId) of a full crawl from a connector that declares"
                + " Capability.ATTACHMENTS; give the test source an item with attachments").isPositive();
        assertThat(problems).as("children without their parent").isEmpty();
    }

    /**
     * A connector that declares {@link Capability#BINARY_CONTENT} emits at least one document with
     * binary content, and each can be read on its one opening, with the length and SHA-256 it
     * declares (where it declares them).
     */
    @Test
    void binaryContentIsReadableOnceWithItsDeclaredLengthAndHash() throws Exception {
        assumeCapability(Capability.BINARY_CONTENT);
        List<ContentRead> reads = fullCrawl().partitions().values().stream().flatMap(e -> e.contentReads().stream())
                .toList();
        assertThat(reads).as("documents with binary content from a connector that declares"
                + " Capability.BINARY_CONTENT").isNotEmpty();
        assertThat(reads.stream().filter(r -> !r.honest()).toList()).as("binary content that could not be read on"
                + " its one opening, or whose length() or sha256() differ from the bytes read").isEmpty();
    }

    /**
     * {@link ConnectorSession#preview()} includes only partitions that {@code partitions()} lists,
     * and includes each of them.
     */
    @Test
    void previewIncludesExactlyTheListedPartitions() throws Exception {
        ConnectorSession session = open(parse(config()));
        Set<String> listed = new LinkedHashSet<>(session.partitions().stream().map(Partition::id).toList());
        List<ScopeDecision> decisions = session.preview();
        Set<String> included = new LinkedHashSet<>(decisions.stream().filter(ScopeDecision::included)
                .map(ScopeDecision::item).toList());
        assertThat(included).as("items preview() includes").containsAll(listed);
        // The kinds the partitions are listed under (a mailbox, a folder); other kinds (a domain) are not partitions.
        Set<String> partitionKinds = new HashSet<>(decisions.stream()
                .filter(d -> d.included() && listed.contains(d.item())).map(ScopeDecision::kind).toList());
        List<String> extra = decisions.stream()
                .filter(d -> d.included() && partitionKinds.contains(d.kind()) && !listed.contains(d.item()))
                .map(d -> d.kind() + " " + d.item() + " (" + d.rule() + ")").toList();
        assertThat(extra).as("items preview() includes that partitions() does not list").isEmpty();
    }

    /**
     * Closing a session twice, fresh or after a crawl, throws nothing.
     */
    @Test
    void closeIsIdempotentAndNeverThrows() throws Exception {
        RecordingContext context = context();
        ConnectorSession unused = open(parse(config()), context);
        assertThatCode(() -> {
            unused.close();
            unused.close();
        }).as("closing a session twice").doesNotThrowAnyException();
        ConnectorSession used = open(parse(config()), context);
        new CrawlDriver(used, context).crawl(used.partitions().get(0), null, CrawlMode.FULL);
        assertThatCode(() -> {
            used.close();
            used.close();
        }).as("closing a session that crawled, twice").doesNotThrowAnyException();
    }

    /**
     * The connector under test, found with {@link ServiceLoader}.
     *
     * @return the connector
     */
    protected final SourceConnector connector() {
        if (connector == null) {
            connector = ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::get)
                    .filter(c -> c.type().equals(connectorType())).findFirst()
                    .orElseThrow(() -> new AssertionError("No connector of type '" + connectorType()
                            + "' in META-INF/services/" + SourceConnector.class.getName()));
        }
        return connector;
    }

    /**
     * A new context, closed after the test.
     *
     * @return the context
     */
    protected final RecordingContext context() {
        try {
            return track(new RecordingContext(CONNECTOR_ID, clock(), Files.createTempDirectory("connector-tck-")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for a test context", e);
        }
    }

    /**
     * Parses a configuration with the connector's spec, failing the test on any problem.
     *
     * @param values key to value
     * @return the parsed configuration
     */
    protected final SourceConfig parse(Map<String, String> values) {
        try {
            return connector().configSpec().parse(values);
        } catch (InvalidConfigException e) {
            throw new AssertionError("The test configuration is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * A full crawl of every partition in a new session with a new context.
     *
     * @return what it emitted
     * @throws ConnectorException as the connector threw it
     */
    protected final CrawlResult fullCrawl() throws ConnectorException {
        RecordingContext context = context();
        return new CrawlDriver(open(parse(config()), context), context).crawlAll(CrawlMode.FULL);
    }

    private ConnectorSession open(SourceConfig config) throws ConnectorException {
        return open(config, context());
    }

    private ConnectorSession open(SourceConfig config, RecordingContext context) throws ConnectorException {
        return track(connector().open(config, context));
    }

    private Map<String, String> credentials() {
        Map<String, String> good = config();
        Map<String, String> bad = configWithBadCredentials();
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : credentialKeys()) {
            out.put(key + " (good)", good.get(key));
            out.put(key + " (bad)", bad.get(key));
        }
        for (ConfigKey key : connector().configSpec().keys()) {
            if (key.isSecret()) {
                parse(good).get(key.name()).ifPresent(v -> out.putIfAbsent(key.name() + " (good)", v));
                parse(bad).get(key.name()).ifPresent(v -> out.putIfAbsent(key.name() + " (bad)", v));
            }
        }
        return out;
    }

    private List<String> credentialKeys() {
        Map<String, String> good = config();
        Map<String, String> bad = configWithBadCredentials();
        Set<String> keys = new LinkedHashSet<>(good.keySet());
        keys.addAll(bad.keySet());
        return keys.stream().filter(k -> !Objects.equals(good.get(k), bad.get(k))).toList();
    }

    private void lookAtCheck(SecretScan scan, String where, SourceConfig config) {
        try {
            for (CheckResult r : connector().check(config, context()).results()) {
                scan.look(where + ", probe " + r.name(), r.name() + " " + r.message() + " " + r.fix());
            }
        } catch (ConnectorException e) {
            scan.look(where + " (thrown)", e);
        }
    }

    private void lookAtCrawl(SecretScan scan, String partitionId, RecordingEmitter emitter) {
        for (Emission e : emitter.emissions()) {
            String where = "partition " + partitionId + ", " + e.type().name().toLowerCase(Locale.ROOT);
            switch (e.type()) {
                case UPSERT -> {
                    Document d = e.document();
                    scan.look(where + " of document " + d.id(), String.join(" ", d.id(), d.kind(), String.valueOf(d.title()),
                            String.valueOf(d.parentId()), d.version(), String.valueOf(d.content()),
                            String.valueOf(d.fields()), String.valueOf(d.acl())));
                    if (d.binary() != null) {
                        scan.look(where + " of document " + d.id() + " (binary content name and type)",
                                d.binary().fileName().orElse("") + " " + d.binary().mediaType().orElse(""));
                    }
                }
                case FAILURE -> scan.look(where + " of item " + e.failure().itemId(), e.failure());
                case CHECKPOINT -> {
                    scan.look(where, e.checkpoint().value());
                    scan.look(where + " described", connector().describe(e.checkpoint()));
                }
                default -> scan.look(where, e.documentId());
            }
        }
    }

    private Map<String, Checkpoint> rewoundCheckpoints(CrawlResult crawl, Instant to) {
        Map<String, Checkpoint> out = new LinkedHashMap<>();
        crawl.lastCheckpoints().forEach((partitionId, checkpoint) ->
                connector().rewind(checkpoint, to).ifPresent(r -> out.put(partitionId, r)));
        assumeTrue(!crawl.lastCheckpoints().isEmpty(), "Skipped: an incremental crawl emitted no checkpoint");
        assumeTrue(!out.isEmpty(), () -> "Skipped: connector '" + connectorType() + "' does not implement"
                + " SourceConnector.rewind (it returns empty: the host starts the partition over)");
        return out;
    }

    private static Partition partition(List<Partition> listed, String partitionId) {
        return listed.stream().filter(p -> p.id().equals(partitionId)).findFirst()
                .orElseThrow(() -> new AssertionError("Partition " + partitionId + " is no longer listed"));
    }

    private static Partition largestPartition(List<Partition> partitions, CrawlResult full) {
        return partitions.stream().max(Comparator.comparingInt(
                (Partition p) -> full.idsByPartition().getOrDefault(p.id(), Set.of()).size())
                .thenComparing(p -> -partitions.indexOf(p))).orElseThrow();
    }

    private Partition firstPartition() throws ConnectorException {
        return open(parse(config())).partitions().get(0);
    }

    private <T extends AutoCloseable> T track(T resource) {
        opened.add(resource);
        return resource;
    }

    private void assumeCapability(Capability capability) {
        assumeTrue(connector().capabilities().contains(capability), () -> "Skipped: connector '" + connectorType()
                + "' does not declare Capability." + capability + " in capabilities()");
    }

    private void assertNoSecretIn(String text) {
        SecretScan scan = new SecretScan(credentials());
        scan.look("a message shown to administrators", text);
        assertThat(scan.leaks()).as("a message shown to administrators repeats a credential; mask it or leave it out:"
                + " %s", text == null ? null : "(message withheld, it holds a credential)").isEmpty();
    }

    private static long downloads(Map<String, Long> counters) {
        return counters.getOrDefault(ConnectorMetrics.DOWNLOADS, 0L)
                + counters.getOrDefault(ConnectorMetrics.BYTES_DOWNLOADED, 0L);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
