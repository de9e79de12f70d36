package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MetadataOnlyContentExtractorTest {
    @Test
    void recordsHashSizeAndDeclaredTypeWithoutParsing() throws IOException {
        byte[] pdf = TestDocuments.pdf("Never parsed");
        try (ContentExtractor extractor = metadataOnly()) {
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
    void doesNotOpenContentWhoseHashAndLengthAreDeclared() throws IOException {
        byte[] pdf = TestDocuments.pdf("Never read");
        try (ContentExtractor extractor = metadataOnly()) {
            TestContent source = TestContent.of(pdf, null, "a.pdf").withDeclaredSha256();

            Extraction e = extractor.extract("doc-1", source);

            assertThat(e.sha256()).isEqualTo(TestContent.sha256(pdf));
            assertThat(e.bytes()).isEqualTo(pdf.length);
            assertThat(e.mediaType()).isNull();
            assertThat(source.opens()).isZero();
        }
    }

    private static ContentExtractor metadataOnly() {
        return new MetadataOnlyContentExtractor(new ExtractionConfig(false, 1_000_000, 60),
                Runtime.getRuntime().availableProcessors());
    }
}
