package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Measures what Tika costs at start-up: loading the parsers, the first parse of each format
 * (class loading, lazy initialisation) and a warm parse. Prints, never asserts timings; the
 * numbers are cold only when this class runs alone in its JVM
 * ({@code -Dtest=TikaStartupCostTest}), as recorded in docs/extraction.md.
 */
class TikaStartupCostTest {
    @Test
    void measuresFirstParseAgainstWarmParse() throws IOException {
        byte[] pdf1 = TestDocuments.pdf("First PDF of the run");
        byte[] pdf2 = TestDocuments.pdf("Second PDF of the run");
        byte[] docx1 = TestDocuments.docx("First Word document");
        byte[] docx2 = TestDocuments.docx("Second Word document");
        byte[] html1 = "<html><body><p>First page</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] html2 = "<html><body><p>Second page</p></body></html>".getBytes(StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        try (TikaContentExtractor extractor = new TikaContentExtractor(ExtractionConfig.defaults(),
                EarlierExtractions.none())) {
            long created = System.nanoTime();
            StringBuilder report = new StringBuilder("Tika start-up: create extractor "
                    + millis(t0, created) + " ms");
            measure(extractor, report, "pdf", pdf1, pdf2, "application/pdf", "PDF of the run");
            measure(extractor, report, "docx", docx1, docx2, null, "Word document");
            measure(extractor, report, "html", html1, html2, "text/html", "page");
            System.out.println(report);
            assertThat(extractor.stats().parses()).isEqualTo(6);
        }
    }

    private static void measure(TikaContentExtractor extractor, StringBuilder report, String label, byte[] first,
            byte[] second, String type, String expected) {
        long a = System.nanoTime();
        Extraction cold = extractor.extract(label + "-1", TestContent.of(first, type, null));
        long b = System.nanoTime();
        Extraction warm = extractor.extract(label + "-2", TestContent.of(second, type, null));
        long c = System.nanoTime();
        assertThat(cold.text()).contains("First").contains(expected);
        assertThat(warm.text()).contains("Second").contains(expected);
        report.append("; ").append(label).append(" first ").append(millis(a, b)).append(" ms, warm ")
                .append(millis(b, c)).append(" ms");
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
