package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.archive.corpus.View;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sender-chosen text meets regexes that backtrack: a subject and an attachment name crafted so
 * that matching {@code exclude-subjects} and {@code exclude-names} would take hours. Each match
 * is stopped at its bound and the message recorded as a failure; the rest of the archive is
 * indexed, and the crawl does not stall.
 */
class MimecastRegexBoundIT extends EndToEndTest {
    /** Sixty characters: 2^60 ways for {@code (a|a){1,100}} to read them before it can fail. */
    private static final String CRAFTED = "a".repeat(60) + "!";

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aCraftedSubjectOrAttachmentNameIsAnItemFailureInsteadOfAStalledCrawl() throws Exception {
        Archive archive = IndexedMimecast.smallArchive(41);
        String mailbox = archive.mailboxes().get(0);
        Instant received = Instant.parse("2023-06-01T00:00:00Z");
        MessageHeader bySubject = archive.addMessage(mailbox, View.INBOX, received, CRAFTED);
        byte[] eml = String.join("\r\n", "From: sender@partner.net", "To: " + mailbox, "Subject: Invoice",
                "Date: Thu, 01 Jun 2023 00:01:00 +0000", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b1\"", "", "--b1", "Content-Type: text/plain", "",
                "Please find the invoice attached.", "--b1", "Content-Type: application/pdf; name=\"" + CRAFTED
                        + "\"", "Content-Disposition: attachment; filename=\"" + CRAFTED + "\"", "", "%PDF-1.4",
                "--b1--", "").getBytes(StandardCharsets.US_ASCII);
        MessageHeader byName = archive.addRawMessage(mailbox, View.INBOX, received.plusSeconds(60),
                RawMessage.of(eml, "Invoice", new Address("", "sender@partner.net"), new Address("", mailbox)));
        String subjectId = MimecastDocuments.emailId(mailbox, bySubject.id());
        String nameId = MimecastDocuments.emailId(mailbox, byName.id());

        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive, b -> b);
                Host host = m.host(MimecastKeys.EXCLUDE_SUBJECTS, "^(a|a){1,100}$",
                        MimecastKeys.ATTACHMENTS_EXCLUDE_NAMES, "^(a|a){1,100}$")) {
            CrawlReport report = IndexedMimecast.crawl(host, false);
            assertThat(report.fatal()).as(IndexedMimecast.describe(host, report)).isEmpty();
            assertThat(report.partitionsFailed()).isZero();
            assertThat(report.itemFailures()).as(IndexedMimecast.describe(host, report)).isEqualTo(2);
            PartitionStatus status = host.status().stream().filter(s -> s.partition().equals(mailbox)).findFirst()
                    .orElseThrow();
            assertThat(status.recentFailures()).anySatisfy(f -> assertThat(f).startsWith(subjectId + ": ")
                    .contains(bySubject.id(), MimecastKeys.EXCLUDE_SUBJECTS, "took more than 1000 ms on the subject"));
            assertThat(status.recentFailures()).anySatisfy(f -> assertThat(f).startsWith(nameId + ": ")
                    .contains(byName.id(), MimecastKeys.ATTACHMENTS_EXCLUDE_NAMES, "on the attachment name"));
            new IndexedArchive(m, host).assertIndexedExcept(List.of(subjectId, nameId));
        }
    }
}
