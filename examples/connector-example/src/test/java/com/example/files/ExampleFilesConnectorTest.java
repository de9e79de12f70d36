package com.example.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.testkit.contract.CrawlDriver;
import io.connectorkit.testkit.contract.RecordingContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the example connector does beyond the contract: rewinds, descriptions, check probes. */
class ExampleFilesConnectorTest {
    private final ExampleFilesConnector connector = new ExampleFilesConnector();

    @TempDir
    Path root;

    @Test
    void rewoundCheckpointReadsAgainEverythingModifiedFromThatTimeOn() throws Exception {
        ExampleFileTree.create(root);
        try (RecordingContext context = RecordingContext.create("test");
                var session = connector.open(config(ExampleFileTree.GOOD_TOKEN), context)) {
            CrawlDriver driver = new CrawlDriver(session, context);
            Partition alpha = Partition.of("alpha");
            Checkpoint end = driver.crawl(alpha, null, CrawlMode.INCREMENTAL).lastCheckpoint();

            Checkpoint rewound = connector.rewind(end, Instant.parse("2024-01-01T00:02:00Z")).orElseThrow();

            assertThat(driver.crawl(alpha, rewound, CrawlMode.INCREMENTAL).upsertedIds())
                    .containsExactly("alpha/notes/deep.txt", "alpha/zeta.txt");
            assertThat(connector.describe(end)).isEqualTo("up to 2024-01-01T00:04:00Z (alpha/zeta.txt)");
        }
    }

    @Test
    void aJsonFileIsTitledByItsTitleAndAnythingElseByItsName() throws Exception {
        ExampleFileTree.create(root);
        java.nio.file.Files.writeString(root.resolve("alpha/report.json"), "{\"title\": \"Quarterly report\"}");
        java.nio.file.Files.writeString(root.resolve("alpha/broken.json"), "{not json");
        try (RecordingContext context = RecordingContext.create("test");
                var session = connector.open(config(ExampleFileTree.GOOD_TOKEN), context)) {
            Map<String, io.connectorkit.api.Document> docs = new CrawlDriver(session, context)
                    .crawl(Partition.of("alpha"), null, CrawlMode.FULL).documents();

            assertThat(docs.get("alpha/report.json").title()).isEqualTo("Quarterly report");
            assertThat(docs.get("alpha/broken.json").title()).isEqualTo("broken.json");
        }
    }

    @Test
    void checkNamesAMissingRootAsAConfigurationProblem() throws Exception {
        try (RecordingContext context = RecordingContext.create("test")) {
            Path missing = root.resolve("missing");
            CheckReport report = connector.check(connector.configSpec().parse(
                    Map.of(ExampleFilesConnector.ROOT, missing.toString(), ExampleFilesConnector.TOKEN, "t")), context);

            assertThat(report.failureKind()).contains(ErrorKind.CONFIGURATION);
            assertThat(report.firstFailure().orElseThrow().message()).contains(missing.toString());
        }
    }

    @Test
    void checkReportsMaintenanceAsTransient() throws Exception {
        ExampleFileTree.create(root).injectTransientFault();
        try (RecordingContext context = RecordingContext.create("test")) {
            CheckReport report = connector.check(config(ExampleFileTree.GOOD_TOKEN), context);

            assertThat(report.failureKind()).contains(ErrorKind.TRANSIENT);
        }
    }

    private SourceConfig config(String token) throws Exception {
        return connector.configSpec().parse(
                Map.of(ExampleFilesConnector.ROOT, root.toString(), ExampleFilesConnector.TOKEN, token));
    }
}
