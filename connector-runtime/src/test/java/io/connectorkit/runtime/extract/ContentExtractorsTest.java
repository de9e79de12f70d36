package io.connectorkit.runtime.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ContentSource;
import io.connectorkit.api.config.ConfigProblem;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core runtime's choice of extractor, with no text extractor on its class path. */
class ContentExtractorsTest {
    @Test
    void theCoreRuntimeHasNoTextExtractorOnItsClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.tika.parser.AutoDetectParser"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(ContentExtractors.textExtractionInstalled()).isFalse();
    }

    @Test
    void withoutATextExtractorTheDefaultIndexesDeclaredMetadataWithoutOpeningTheContent() {
        try (ContentExtractor extractor = ContentExtractors.create(ExtractionConfig.defaults())) {
            Extraction e = extractor.extract("doc-1", new Unopenable("Application/PDF; name=a.pdf", "AB12", 42));

            assertThat(e).isEqualTo(new Extraction("", "Application/PDF; name=a.pdf", null, false, "AB12", 42, null));
            assertThat(extractor.stats()).isEqualTo(ExtractionStats.NONE);
        }
    }

    @Test
    void textExtractionOffIndexesDeclaredMetadataAndAnUnknownLengthAsZero() {
        try (ContentExtractor extractor = ContentExtractors.create(new ExtractionConfig(false, 1_000_000, 60))) {
            Extraction e = extractor.extract("doc-1", new Unopenable(null, null, -1));

            assertThat(e).isEqualTo(new Extraction("", null, null, false, null, 0, null));
        }
    }

    @Test
    void anExplicitRequestForTextWithoutATextExtractorIsAConfigurationProblem() {
        List<ConfigProblem> problems = ContentExtractors.problems(Map.of("extract.text", " TRUE "));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("extract.text");
            assertThat(p.value()).isEqualTo(" TRUE ");
            assertThat(p.message()).isEqualTo("no text extractor is installed; add connector-extract (Apache Tika)"
                    + " to the class path, or set extract.text=false to index binary content with its metadata only");
        });
    }

    @Test
    void theDefaultAndAnExplicitFalseAreNoProblem() {
        assertThat(ContentExtractors.problems(Map.of())).isEmpty();
        assertThat(ContentExtractors.problems(Map.of("extract.text", "false"))).isEmpty();
    }

    /** A source that declares its metadata and fails the test if it is ever opened. */
    private record Unopenable(String declaredType, String declaredSha256, long length) implements ContentSource {
        @Override
        public InputStream open() {
            throw new AssertionError("metadata-only extraction opened the content");
        }

        @Override
        public Optional<String> mediaType() {
            return Optional.ofNullable(declaredType);
        }

        @Override
        public Optional<String> sha256() {
            return Optional.ofNullable(declaredSha256);
        }
    }
}
