package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's choice of extractor with this module on the class path. */
class ContentExtractorsTest {
    @Test
    void usesTikaWhenTextExtractionIsOn() throws IOException {
        byte[] pdf = TestDocuments.pdf("Parsed because extract.text is true");
        try (ContentExtractor extractor = ContentExtractors.create(ExtractionConfig.defaults())) {
            Extraction e = extractor.extract("doc-1", TestContent.of(pdf, "application/pdf", "a.pdf"));

            assertThat(extractor).isInstanceOf(TikaContentExtractor.class);
            assertThat(e.text()).contains("Parsed because extract.text is true");
            assertThat(extractor.stats().parses()).isEqualTo(1);
        }
    }

    @Test
    void recordsWhatTheSourceDeclaresWithoutOpeningItWhenTextExtractionIsOff() throws IOException {
        byte[] pdf = TestDocuments.pdf("Never read");
        try (ContentExtractor extractor = ContentExtractors.create(new ExtractionConfig(false, 1_000_000, 60))) {
            TestContent source = TestContent.of(pdf, "Application/PDF; name=a.pdf", "a.pdf");

            Extraction e = extractor.extract("doc-1", source);

            assertThat(e.failure()).isNull();
            assertThat(e.text()).isEmpty();
            assertThat(e.mediaType()).isEqualTo("Application/PDF; name=a.pdf");
            assertThat(e.sha256()).isNull();
            assertThat(e.bytes()).isEqualTo(pdf.length);
            assertThat(source.opens()).isZero();
        }
    }

    @Test
    void acceptsAnExplicitRequestForTextExtraction() {
        assertThat(ContentExtractors.textExtractionInstalled()).isTrue();
        assertThat(ContentExtractors.problems(Map.of("extract.text", "true"))).isEmpty();
    }
}
