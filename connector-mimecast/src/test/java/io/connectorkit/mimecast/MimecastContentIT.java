package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.mimecast.content.MimecastAttachments;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.DownloadStyle;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.testkit.contract.ContentRead;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Content modes and attachment options against the fake server. */
class MimecastContentIT {
    @TempDir
    Path temp;

    private static List<ArchivedMessage> messages(MimecastFixture f, String mailbox) {
        List<ArchivedMessage> out = new ArrayList<>();
        for (View v : View.values()) {
            f.archive().messages(mailbox, v, MimecastFixture.START, java.time.Instant.now())
                    .forEach(h -> out.add(f.archive().message(h.id()).orElseThrow()));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = DownloadStyle.class)
    void emlModeDownloadsOneFilePerMessageAndParsesIt(DownloadStyle style) throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.fileStyle(style))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            List<ArchivedMessage> expected = messages(f, mailbox);
            List<Document> emails = e.ofKind(MimecastDocuments.KIND_EMAIL);
            assertThat(emails).hasSize(expected.size());
            assertThat(e.failures()).isEmpty();
            assertThat(f.server.calls(Endpoint.GET_FILE)).isEqualTo(expected.size());
            assertThat(f.server.calls(Endpoint.GET_MESSAGE_DETAIL)).isZero();
            assertThat(f.server.calls(Endpoint.DOWNLOAD)).isEqualTo(style == DownloadStyle.BINARY ? 0 : expected.size());
            assertThat(f.server.requests(Endpoint.DOWNLOAD)).allSatisfy(r -> assertThat(r.authorization()).isEmpty());
            for (ArchivedMessage m : expected) {
                Document d = e.documents().get(MimecastDocuments.emailId(mailbox, m.id()));
                assertThat(d).as(m.id()).isNotNull();
                assertThat(d.acl()).containsExactly(mailbox);
                assertThat(d.content()).contains(m.textBody().strip().split("\r\n")[0]);
                assertThat(d.fields().get("messageId")).isEqualTo(m.mimeMessageId());
                assertThat(d.fields().get("smash")).isEqualTo(m.smash());
                assertThat(d.fields().get("from")).isEqualTo(List.of(m.from().emailAddress().toLowerCase()));
                if (!m.subject().isEmpty()) {
                    assertThat(d.title()).isEqualTo(m.subject());
                }
            }
            assertThat(e.partitionCompleteCount()).isEqualTo(1);
            assertThat(f.context.counter("downloads")).isEqualTo(expected.size());
            assertThat(f.context.counter("bytes_downloaded")).isPositive();
        }
    }

    @Test
    void partsModeReadsDetailPartAndOneFilePerAttachment() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.CONTENT_MODE, "parts",
                    MimecastKeys.ATTACHMENTS_EXTRACT, "true"), mailbox, null, CrawlMode.INCREMENTAL);
            List<ArchivedMessage> expected = messages(f, mailbox);
            long attachments = expected.stream().mapToLong(m -> m.attachments().size()).sum();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize(expected.size());
            assertThat(e.failures()).isEmpty();
            assertThat(f.server.calls(Endpoint.GET_MESSAGE_DETAIL)).isEqualTo(expected.size());
            assertThat(f.server.calls(Endpoint.GET_MESSAGE_PART)).isEqualTo(expected.size());
            assertThat(f.server.calls(Endpoint.GET_FILE)).isEqualTo(attachments);
            assertAttachmentsMatch(f, mailbox, e, expected);
            for (ArchivedMessage m : expected) {
                Document d = e.documents().get(MimecastDocuments.emailId(mailbox, m.id()));
                assertThat(d.content()).contains(m.textBody().strip().split("\r\n")[0]);
            }
        }
    }

    @Test
    void emlModeExtractsEveryAttachmentWithBytesAndHash() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.ATTACHMENTS_EXTRACT, "true"), mailbox, null,
                    CrawlMode.INCREMENTAL);
            assertAttachmentsMatch(f, mailbox, e, messages(f, mailbox));
        }
    }

    private static void assertAttachmentsMatch(MimecastFixture f, String mailbox, RecordingEmitter e,
            List<ArchivedMessage> expected) {
        long total = 0;
        for (ArchivedMessage m : expected) {
            String emailId = MimecastDocuments.emailId(mailbox, m.id());
            for (int i = 0; i < m.attachments().size(); i++) {
                Attachment a = m.attachments().get(i);
                String id = MimecastDocuments.attachmentId(emailId, i + 1);
                Document d = e.documents().get(id);
                assertThat(d).as("attachment %s of %s", i, m.id()).isNotNull();
                assertThat(d.parentId()).isEqualTo(emailId);
                assertThat(d.acl()).containsExactly(mailbox);
                assertThat(d.fields().get("size")).isEqualTo(a.size());
                assertThat(d.fields().get("sha256")).isEqualTo(f.archive().sha256(a));
                assertThat(d.fields().get("mediaType")).isEqualTo(a.contentType());
                assertThat(d.title()).isEqualTo(a.filename().isEmpty() ? "attachment" : a.filename());
                ContentRead binary = e.contentRead(id).orElseThrow();
                assertThat(binary.bytesRead()).isEqualTo(a.size());
                assertThat(binary.actualSha256()).isEqualTo(f.archive().sha256(a));
                total++;
            }
        }
        assertThat(e.ofKind(MimecastDocuments.KIND_ATTACHMENT)).hasSize((int) total);
        assertThat(total).as("the archive has attachments to check").isPositive();
    }

    @Test
    void attachmentsAreNotDocumentsWhenExtractIsOffButTheirNamesAreSearchable() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.ofKind(MimecastDocuments.KIND_ATTACHMENT)).isEmpty();
            ArchivedMessage withName = messages(f, mailbox).stream()
                    .filter(m -> m.attachments().stream().anyMatch(a -> !a.filename().isEmpty()))
                    .findFirst().orElseThrow();
            Document d = e.documents().get(MimecastDocuments.emailId(mailbox, withName.id()));
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) d.fields().get("attachmentNames");
            assertThat(names).containsAll(withName.attachments().stream().map(Attachment::filename)
                    .filter(n -> !n.isEmpty()).toList());
        }
    }

    @Test
    void excludedNamesBlankNamesAndOversizedAttachmentsFollowTheirOptions() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            // Find a mailbox whose messages have a nameless attachment.
            String mailbox = f.archive().mailboxes().stream()
                    .filter(mb -> messages(f, mb).stream().flatMap(m -> m.attachments().stream())
                            .anyMatch(a -> a.filename().isEmpty()))
                    .findFirst().orElseThrow();
            List<Attachment> all = messages(f, mailbox).stream().flatMap(m -> m.attachments().stream()).toList();
            long maxBytes = 5_000;
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.ATTACHMENTS_EXTRACT, "true",
                    MimecastKeys.ATTACHMENTS_EXCLUDE_NAMES, "\\.png$",
                    MimecastKeys.ATTACHMENTS_BLANK_NAME, "unnamed.bin",
                    MimecastKeys.ATTACHMENTS_MAX_BYTES, Long.toString(maxBytes)), mailbox, null, CrawlMode.INCREMENTAL);
            List<Document> docs = e.ofKind(MimecastDocuments.KIND_ATTACHMENT);
            List<Attachment> kept = all.stream().filter(a -> !a.filename().endsWith(".png")).toList();
            assertThat(docs).hasSize(kept.size());
            assertThat(docs).noneMatch(d -> d.title().endsWith(".png"));
            assertThat(f.context.counter(MimecastAttachments.EXCLUDED)).isEqualTo(all.size() - kept.size());
            assertThat(docs.stream().filter(d -> d.title().equals("unnamed.bin")).count())
                    .isEqualTo(kept.stream().filter(a -> a.filename().isEmpty()).count()).isPositive();
            long oversized = kept.stream().filter(a -> a.size() > maxBytes).count();
            assertThat(oversized).isPositive();
            assertThat(f.context.counter(MimecastAttachments.OVERSIZED)).isEqualTo(oversized);
            Map<Boolean, List<Document>> bySize = docs.stream()
                    .collect(Collectors.partitioningBy(d -> (Long) d.fields().get("size") > maxBytes));
            assertThat(bySize.get(true)).allSatisfy(d -> {
                assertThat(d.binary()).isNull();
                assertThat(d.fields()).containsEntry("metadataOnly", true).containsKey("sha256");
            });
            assertThat(bySize.get(false)).allSatisfy(d -> assertThat(e.contentRead(d.id())).isPresent());
            try (Stream<Path> left = java.nio.file.Files.list(temp)) {
                assertThat(left).as("no temporary files left behind").isEmpty();
            }
        }
    }
}
