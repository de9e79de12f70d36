package io.connectorkit.runtime.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

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
    void recordsHashSizeAndDeclaredTypeWithoutParsingWhenTextExtractionIsOff() throws IOException {
        byte[] pdf = TestDocuments.pdf("Never parsed");
        try (ContentExtractor extractor = ContentExtractors.create(new ExtractionConfig(false, 1_000_000, 60))) {
            TestContent source = TestContent.of(pdf, "Application/PDF; name=a.pdf", "a.pdf");

            Extraction e = extractor.extract("doc-1", source);

            assertThat(e.failure()).isNull();
            assertThat(e.text()).isEmpty();
            assertThat(e.mediaType()).isEqualTo("application/pdf");
            assertThat(e.sha256()).isEqualTo(TestContent.sha256(pdf));
            assertThat(e.bytes()).isEqualTo(pdf.length);
            assertThat(e.truncated()).isFalse();
            assertThat(source.opens()).isEqualTo(1);
            assertThat(extractor.stats().parses()).isZero();
        }
    }

    @Test
    void doesNotOpenContentWhoseHashAndLengthAreDeclaredWhenTextExtractionIsOff() throws IOException {
        byte[] pdf = TestDocuments.pdf("Never read");
        try (ContentExtractor extractor = ContentExtractors.create(new ExtractionConfig(false, 1_000_000, 60))) {
            TestContent source = TestContent.of(pdf, null, "a.pdf").withDeclaredSha256();

            Extraction e = extractor.extract("doc-1", source);

            assertThat(e.sha256()).isEqualTo(TestContent.sha256(pdf));
            assertThat(e.bytes()).isEqualTo(pdf.length);
            assertThat(e.mediaType()).isNull();
            assertThat(source.opens()).isZero();
        }
    }
}
