package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ContentSource;
import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TikaContentExtractorTest {
    private TikaContentExtractor extractor;

    @BeforeAll
    void createExtractor() {
        extractor = new TikaContentExtractor(ExtractionConfig.defaults(), EarlierExtractions.none());
    }

    @AfterAll
    void closeExtractor() {
        extractor.close();
    }

    @Test
    void extractsPdfText() throws IOException {
        byte[] pdf = TestDocuments.pdf("Quarterly revenue grew in Lisbon", "Second line of the report");

        Extraction e = extractor.extract("doc-pdf", TestContent.of(pdf, "application/octet-stream", "report.pdf"));

        assertThat(e.failure()).isNull();
        assertThat(e.mediaType()).isEqualTo("application/pdf");
        assertThat(e.text()).contains("Quarterly revenue grew in Lisbon").contains("Second line of the report");
        assertThat(e.truncated()).isFalse();
        assertThat(e.sha256()).isEqualTo(TestContent.sha256(pdf));
        assertThat(e.bytes()).isEqualTo(pdf.length);
        assertThat(e.language()).isNull();
    }

    @Test
    void extractsDocxText() throws IOException {
        byte[] docx = TestDocuments.docx("Minutes of the board meeting", "Approved the Porto budget");

        Extraction e = extractor.extract("doc-docx", TestContent.of(docx, null, "minutes.docx"));

        assertThat(e.failure()).isNull();
        assertThat(e.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(e.text()).contains("Minutes of the board meeting").contains("Approved the Porto budget");
    }

    @Test
    void extractsXlsxCells() throws IOException {
        byte[] xlsx = TestDocuments.xlsx("Forecast", "Widgets sold", 4242);

        Extraction e = extractor.extract("doc-xlsx", TestContent.of(xlsx, null, null));

        assertThat(e.failure()).isNull();
        assertThat(e.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(e.text()).contains("Forecast").contains("Widgets sold").contains("4242");
    }

    @Test
    void turnsHtmlIntoCleanTextWithoutScriptsOrStyles() {
        String html = "<!DOCTYPE html><html><head><title>Page title</title>"
                + "<style>body { color: red; } .secretstyle { display: none }</style>"
                + "<script>var trackingScript = 'do not index';</script></head>"
                + "<body><h1>Welcome aboard</h1><p>First <b>bold</b> paragraph.</p>"
                + "<script>console.log('inline script');</script><p>Second paragraph.</p></body></html>";

        Extraction e = extractor.extract("doc-html",
                TestContent.of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8", "page.html"));

        assertThat(e.failure()).isNull();
        assertThat(e.mediaType()).isEqualTo("text/html");
        assertThat(e.text()).contains("Welcome aboard").contains("First bold paragraph.").contains("Second paragraph.");
        assertThat(e.text()).doesNotContain("<", ">", "trackingScript", "inline script", "color: red", "secretstyle");
    }

    @Test
    void keepsPlainTextAsItIs() {
        String text = "Line one\n\n\n   indented line two\ttab\nlast line";

        Extraction e = extractor.extract("doc-txt",
                TestContent.of(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8", "notes.txt"));

        assertThat(e.failure()).isNull();
        assertThat(e.mediaType()).isEqualTo("text/plain");
        assertThat(e.text()).isEqualTo(text);
    }

    @Test
    void extractsNestedMessageWithItsAttachment() throws IOException {
        byte[] pdf = TestDocuments.pdf("Attached figures for March");
        byte[] eml = TestDocuments.nestedEml("Forwarding the original below", "Here is the March report", pdf);

        Extraction e = extractor.extract("doc-eml", TestContent.of(eml, "message/rfc822", "fwd.eml"));

        assertThat(e.failure()).isNull();
        assertThat(e.mediaType()).isEqualTo("message/rfc822");
        assertThat(e.text()).contains("Forwarding the original below")
                .contains("Here is the March report")
                .contains("Attached figures for March");
        assertThat(e.truncated()).isFalse();
    }

    @Test
    void recordsCorruptPdfAsFailureWithMetadata() throws IOException {
        byte[] good = TestDocuments.pdf("This text will be unreachable");
        byte[] corrupt = Arrays.copyOf(good, 200);
        Arrays.fill(corrupt, 20, 200, (byte) 'x');

        Extraction e = extractor.extract("doc-corrupt", TestContent.of(corrupt, "application/pdf", "broken.pdf"));

        assertThat(e.failed()).isTrue();
        assertThat(e.failure()).contains("doc-corrupt").contains("application/pdf").endsWith(".")
                .doesNotContain("Illegal IOException from");
        assertThat(e.mediaType()).isEqualTo("application/pdf");
        assertThat(e.sha256()).isEqualTo(TestContent.sha256(corrupt));
        assertThat(e.bytes()).isEqualTo(200);
        assertThat(e.text()).doesNotContain("unreachable");
    }

    @Test
    void answersEmptyContentWithoutFailure() {
        Extraction e = extractor.extract("doc-empty", TestContent.of(new byte[0], "text/plain", "empty.txt"));

        assertThat(e.failure()).isNull();
        assertThat(e.text()).isEmpty();
        assertThat(e.bytes()).isZero();
        assertThat(e.sha256()).isEqualTo(TestContent.sha256(new byte[0]));
    }

    @Test
    void recordsUnreadableSourceAsFailure() {
        TestContent declared = TestContent.of(new byte[0], "application/pdf", "gone.pdf");
        ContentSource failing = new ContentSource() {
            @Override
            public InputStream open() throws IOException {
                throw new IOException("connection reset by archive");
            }

            @Override
            public long length() {
                return -1;
            }

            @Override
            public Optional<String> mediaType() {
                return declared.mediaType();
            }
        };

        Extraction e = extractor.extract("doc-unreadable", failing);

        assertThat(e.failure()).contains("doc-unreadable").contains("connection reset by archive");
        assertThat(e.sha256()).isNull();
        assertThat(e.mediaType()).isEqualTo("application/pdf");
    }
}
