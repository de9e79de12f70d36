package io.connectorkit.simulator.archive.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.View;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exact sizes, determinism and structure of the generated files, without a parser. */
class FileFormatTest {
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void everySizeFromTheMinimumUpIsHitExactly(FileFormat format) throws IOException {
        long min = format.minimumSize();
        for (long size = min; size < min + 300; size++) {
            assertThat(bytes(format, size * 7, size)).as("%s of %d bytes", format, size).hasSize((int) size);
        }
        // Around the 64 KiB stored-block boundaries of the zip formats, and a few page breaks of the PDF.
        for (long size = 65_500; size < 65_700; size += 3) {
            assertThat(bytes(format, size, size)).as("%s of %d bytes", format, size).hasSize((int) size);
        }
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void theSmallestFileHoldsTheHeadlineWhateverTheSeed(FileFormat format) throws IOException {
        for (long seed = 0; seed < 200; seed++) {
            byte[] file = bytes(format, seed, format.minimumSize());
            assertThat(file).hasSize((int) format.minimumSize());
            if (format != FileFormat.RANDOM && !isZip(format)) {
                assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains(TextLines.headline(seed));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers(FileFormat format) throws IOException {
        long size = Math.max(format.minimumSize(), 20_000);
        assertThat(bytes(format, 5, size)).isEqualTo(bytes(format, 5, size)).isNotEqualTo(bytes(format, 6, size));
    }

    @Test
    void zipEntriesCarryCorrectChecksumsAndTheDocumentText() throws IOException {
        for (FileFormat format : List.of(FileFormat.DOCX, FileFormat.XLSX, FileFormat.ZIP)) {
            byte[] file = bytes(format, 11, 150_000);
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.US_ASCII)); // checks the CRC
                }
            }
            assertThat(text).as("%s", format).contains(TextLines.headline(11));
        }
    }

    @Test
    void csvRowsAllHaveTheHeaderColumns() throws IOException {
        String csv = new String(bytes(FileFormat.CSV, 3, 40_000), StandardCharsets.US_ASCII);
        assertThat(csv.lines().toList()).hasSizeGreaterThan(100)
                .allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(5));
    }

    @Test
    void streamedAndHashedBytesAreTheWrittenOnes() throws Exception {
        Attachment a = new Attachment("x", "f.pdf", "application/pdf", "pdf", 123_457, "", 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.writeTo(out);
        assertThat(a.openStream().readAllBytes()).isEqualTo(out.toByteArray());
        assertThat(a.sha256()).isEqualTo(EmlWriterTest.sha256(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void anAttachmentTooSmallForItsTypeIsRefusedWithTheSmallestSize() {
        assertThatThrownBy(() -> new Attachment("x", "f.pdf", "application/pdf", "pdf", 100, "", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application/pdf")
                .hasMessageContaining(Long.toString(FileFormat.PDF.minimumSize())).hasMessageContaining("100");
    }

    @Test
    void generatedAttachmentsAreAtLeastTheSmallestFileOfTheirType() {
        Archive archive = ArchiveGenerator.seed(4).domains(1).localDomains(0).usersPerDomain(2).messagesPerView(80)
                .maxAttachmentBytes(5_000).attachmentShare(1).generate();
        List<Attachment> attachments = archive.mailboxes().stream()
                .flatMap(m -> archive.messages(m, View.INBOX, FROM, TO))
                .flatMap(h -> archive.message(h.id()).orElseThrow().attachments().stream()).toList();
        assertThat(attachments.stream().map(Attachment::contentType).distinct().count()).isEqualTo(8);
        assertThat(attachments).allSatisfy(a -> {
            assertThat(a.size()).isBetween(FileFormat.of(a.contentType()).minimumSize(), 5_000L);
            assertThat(a.headline()).isNotBlank();
        });
    }

    private static boolean isZip(FileFormat format) {
        return format == FileFormat.DOCX || format == FileFormat.XLSX || format == FileFormat.ZIP;
    }

    private static byte[] bytes(FileFormat format, long seed, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(seed, size, out);
        return out.toByteArray();
    }
}
