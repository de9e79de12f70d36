package io.connectorkit.simulator.archive.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.simulator.archive.corpus.Attachment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated file type is a file Apache Tika recognises and extracts the words from. */
class GeneratedFilesTest {
    private static final AutoDetectParser TIKA = new AutoDetectParser();

    static Stream<Arguments> files() {
        String[][] types = {{"application/pdf", "pdf"},
            {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
            {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
            {"application/zip", "zip"}, {"image/png", "png"}, {"text/html", "html"}, {"text/csv", "csv"},
            {"text/plain", "txt"}};
        return Arrays.stream(types).flatMap(t -> Stream.of(0L, 3_000L, 65_600L, 131_100L, 300_000L)
                .map(size -> Arguments.of(t[0], t[1], Math.max(size, FileFormat.of(t[0]).minimumSize()))));
    }

    @ParameterizedTest(name = "{1} of {2} bytes")
    @MethodSource("files")
    void tikaExtractsTheHeadline(String contentType, String extension, long size) throws Exception {
        long seed = size * 31 + extension.hashCode();
        Attachment a = new Attachment("id", "file." + extension, contentType, extension, size, "", seed);
        byte[] bytes = bytes(a);
        assertThat(bytes).hasSize((int) size);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, a.filename());
        String text = extract(bytes, metadata);
        // Tika's CSV sniffer wants a few rows: the smallest CSV (a header and one row) reads as text.
        boolean fewRows = extension.equals("csv") && size < 1_000;
        assertThat(metadata.get(Metadata.CONTENT_TYPE)).startsWith(fewRows ? "text/plain" : contentType);
        assertThat(a.headline()).isNotBlank();
        if (contentType.equals("image/png")) {
            assertThat(String.join(" ", metadata.getValues("Text TextEntry"))).contains(a.headline());
        } else {
            assertThat(text.replaceAll("\\s+", " ")).contains(a.headline());
            if (size > 65_000) {
                // Beyond the fixed parts of small files, the size is made of text, not padding Tika skips.
                assertThat(text.length()).isGreaterThan((int) (size / 5));
            }
        }
        if (extension.equals("pdf") && size > 65_000) {
            assertThat(metadata.getInt(org.apache.tika.metadata.PagedText.N_PAGES)).isGreaterThan(1);
        }
    }

    static byte[] bytes(Attachment a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.writeTo(out);
        return out.toByteArray();
    }

    static String extract(byte[] bytes, Metadata metadata) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        context.set(Parser.class, TIKA);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            TIKA.parse(in, handler, metadata, context);
        }
        return handler.toString();
    }
}
