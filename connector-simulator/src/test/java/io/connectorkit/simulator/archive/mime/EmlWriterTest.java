package io.connectorkit.simulator.archive.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.junit.jupiter.api.Test;

class EmlWriterTest {
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-01-01T00:00:00Z");

    static Message parse(byte[] eml) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        return builder.parseMessage(new ByteArrayInputStream(eml));
    }

    /** The leaf parts of a parsed message, depth first. */
    static List<Entity> leaves(Entity entity) {
        List<Entity> result = new ArrayList<>();
        if (entity.getBody() instanceof Multipart multipart) {
            multipart.getBodyParts().forEach(part -> result.addAll(leaves(part)));
        } else {
            result.add(entity);
        }
        return result;
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void everyMessageParsesBackToItsContentWithTheExactAnnouncedSize() throws Exception {
        Archive archive = ArchiveGenerator.seed(21).domains(1).localDomains(0).usersPerDomain(3)
                .messagesPerView(60).maxAttachmentBytes(20_000).generate();
        int checked = 0;
        for (String mailbox : archive.mailboxes()) {
            for (View view : View.values()) {
                for (MessageHeader header : archive.messages(mailbox, view, FROM, TO).toList()) {
                    ArchivedMessage expected = archive.message(header.id()).orElseThrow();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    EmlWriter.write(expected, out);
                    assertThat(out.size()).as("size of %s", header.id()).isEqualTo(header.size());
                    assertParsesTo(parse(out.toByteArray()), expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(3 * 2 * 60);
    }

    private static void assertParsesTo(Message parsed, ArchivedMessage expected) throws Exception {
        assertThat(parsed.getSubject() == null ? "" : parsed.getSubject()).isEqualTo(expected.subject());
        assertThat(parsed.getMessageId()).isEqualTo(expected.mimeMessageId());
        assertThat(parsed.getFrom().get(0).getAddress()).isEqualTo(expected.from().emailAddress());
        assertThat(parsed.getFrom().get(0).getName()).isEqualTo(expected.from().displayableName());
        assertThat(parsed.getTo().flatten().stream().map(a -> a.getAddress()).toList())
                .isEqualTo(expected.to().stream().map(Address::emailAddress).toList());
        List<Entity> leaves = leaves(parsed);
        assertThat(leaves).hasSize(2 + expected.attachments().size());
        assertThat(text(leaves.get(0))).isEqualTo(expected.textBody());
        assertThat(leaves.get(1).getMimeType()).isEqualTo("text/html");
        assertThat(text(leaves.get(1))).isEqualTo(expected.htmlBody());
        for (int i = 0; i < expected.attachments().size(); i++) {
            Attachment a = expected.attachments().get(i);
            Entity part = leaves.get(2 + i);
            assertThat(part.getFilename()).isEqualTo(a.filename().isEmpty() ? null : a.filename());
            assertThat(part.getMimeType()).isEqualTo(a.contentType());
            assertThat(part.getDispositionType()).isEqualTo(a.inline() ? "inline" : "attachment");
            InputStream bytes = part.getBody() instanceof SingleBody single ? single.getInputStream()
                    : InputStream.nullInputStream();
            assertThat(sha256(bytes)).isEqualTo(a.sha256());
        }
    }

    private static String text(Entity entity) throws IOException {
        TextBody body = (TextBody) entity.getBody();
        return new String(body.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void headerDateIsRfc5322InUtc() {
        Archive archive = ArchiveGenerator.seed(2).generate();
        java.time.format.DateTimeFormatter rfc = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
        archive.messages(archive.mailboxes().get(0), View.INBOX, FROM, TO).limit(50).forEach(h -> {
            ArchivedMessage m = archive.message(h.id()).orElseThrow();
            assertThat(EmlWriter.headerDate(m)).isEqualTo(rfc.format(m.received().minusSeconds(4)));
        });
    }

    @Test
    void base64LengthMatchesTheJdkMimeEncoder() {
        for (int n : new int[] {0, 1, 2, 3, 56, 57, 58, 114, 1000, 8191, 8192, 100_000}) {
            byte[] data = new byte[n];
            assertThat(EmlWriter.base64Length(n)).as("n=%d", n)
                    .isEqualTo(java.util.Base64.getMimeEncoder().encode(data).length);
        }
    }

    @Test
    void streamedAttachmentBytesEqualTheRandomAccessStream() throws Exception {
        Attachment a = new Attachment("x", "f.bin", "application/octet-stream", "bin", 100_003, "", 77);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.writeTo(out);
        assertThat(out.toByteArray()).hasSize(100_003).isEqualTo(a.openStream().readAllBytes());
        assertThat(sha256(a.openStream())).isEqualTo(a.sha256());
    }
}
