package io.connectorkit.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache Tika set up for untrusted content: media-type detection and text of the body only (no
 * markup, scripts or styles), embedded documents included up to {@link #MAX_EMBEDDED_DEPTH}
 * levels and {@link #MAX_EMBEDDED_COUNT} documents, text capped at a number of characters, and
 * Tika's zip-bomb guard on. OCR is left out: it needs an external program and minutes of CPU per
 * image. Thread-safe: Tika's parsers keep no state between parses.
 */
final class TikaTextParser {
    /** Nesting of embedded documents: a message, its zip attachment, an Office file in it, ... */
    static final int MAX_EMBEDDED_DEPTH = 6;
    /** Embedded documents parsed per content, across all levels. */
    static final int MAX_EMBEDDED_COUNT = 1_000;

    private static final String CONFIG = "<properties><parsers>"
            + "<parser class=\"org.apache.tika.parser.DefaultParser\">"
            + "<parser-exclude class=\"org.apache.tika.parser.ocr.TesseractOCRParser\"/>"
            + "</parser></parsers></properties>";
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\x0B\\f\\r]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final AutoDetectParser parser;
    private final DetectedTypeDetector detector;
    private final int maxChars;

    /** The result of one parse; {@code failure} is a reason, or {@code null}. */
    record Parsed(String text, boolean truncated, String failure) {
    }

    /**
     * Loads Tika's parsers (the expensive part of start-up: service loading of every parser).
     *
     * @param maxChars the most characters of text kept per parse
     */
    TikaTextParser(int maxChars) {
        this.maxChars = maxChars;
        TikaConfig config;
        try {
            config = new TikaConfig(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        } catch (TikaException | IOException | SAXException e) {
            throw new IllegalStateException("Apache Tika could not load its parsers: " + e.getMessage()
                    + "; check that tika-parsers-standard-package is on the class path", e);
        }
        this.detector = new DetectedTypeDetector(config.getDetector());
        this.parser = new AutoDetectParser(config);
        this.parser.setDetector(detector);
        AutoDetectParserConfig limits = new AutoDetectParserConfig();
        // Tika's zip-bomb guard: after a million characters of output, more than 100 characters
        // per byte read is a bomb; XML deeper than 100 elements and archives in archives deeper
        // than 10 are too.
        limits.setOutputThreshold(1_000_000);
        limits.setMaximumCompressionRatio(100);
        limits.setMaximumDepth(100);
        limits.setMaximumPackageEntryDepth(10);
        // Zero bytes are answered before parsing; an exception here would only be noise.
        limits.setThrowOnZeroBytes(false);
        this.parser.setAutoDetectParserConfig(limits);
    }

    /**
     * Detects the media type from the bytes, the file name and the declared type in the metadata,
     * and leaves it there for {@link #parse}, which then does not detect it again.
     *
     * @return the type without parameters, such as {@code application/pdf}
     */
    String detect(TikaInputStream in, Metadata metadata) throws IOException {
        return DeclaredMetadata.baseType(detector.detectOnce(in, metadata).toString());
    }

    /**
     * Parses content into text. Never throws for bad content: a parser failure becomes the
     * result's {@code failure}, with whatever text was read before it.
     *
     * @param in the content, positioned at its start
     * @param metadata the file name and declared type as hints; parsers add what they read
     * @param plainText whether the content is plain text, which is kept as it is
     */
    Parsed parse(TikaInputStream in, Metadata metadata, boolean plainText) {
        StringWriter text = new StringWriter();
        CappedText capped = new CappedText(text, maxChars);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        LimitedEmbeddedExtractor embedded = new LimitedEmbeddedExtractor(context, MAX_EMBEDDED_DEPTH,
                MAX_EMBEDDED_COUNT);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        String failure = null;
        boolean bomb = false;
        try {
            parser.parse(in, new BodyContentHandler(capped), metadata, context);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            // Reaching the text limit ends the parse by exception; that is truncation, not failure.
            if (!capped.limitReached && !WriteLimitReachedException.isWriteLimitReached(e)) {
                Throwable guard = zipBombGuard(e);
                bomb = guard != null;
                failure = bomb
                        ? "Tika's zip-bomb guard stopped the parse (" + ExtractionFailures.detail(guard)
                                + "); the content expands far beyond its size"
                        : ExtractionFailures.parserFailed(DeclaredMetadata.baseType(metadata.get(Metadata.CONTENT_TYPE)), e);
            }
        } catch (StackOverflowError e) {
            // Deeply nested content (XML, PDF objects) can exhaust a parser's recursion; the thread survives it.
            failure = "the parser ran out of stack on deeply nested content";
        }
        boolean truncated = capped.limitReached || embedded.limitReached() || bomb;
        return new Parsed(clean(text.toString(), plainText), truncated, failure);
    }

    /**
     * The exception of Tika's zip-bomb guard in a cause chain, or {@code null}. Thrown deep inside
     * nested archives, it often reaches the top wrapped by a parser of an outer level.
     */
    static Throwable zipBombGuard(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t.getClass().getName().endsWith("SecureSAXException")
                    || (message != null && message.contains("Suspected zip bomb"))) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * Plain text is kept as it is, apart from trailing white space. Other text comes from markup,
     * where layout leaves runs of blank lines and trailing spaces that carry no meaning.
     */
    static String clean(String raw, boolean plainText) {
        if (plainText) {
            return raw.stripTrailing();
        }
        String text = TRAILING_SPACE.matcher(raw).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /** Writes text up to the limit and remembers reaching it, even if a parser swallows the signal. */
    private static final class CappedText extends WriteOutContentHandler {
        private boolean limitReached;

        CappedText(Writer writer, int limit) {
            super(writer, limit);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            try {
                super.characters(ch, start, length);
            } catch (WriteLimitReachedException e) {
                limitReached = true;
                throw e;
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            try {
                super.ignorableWhitespace(ch, start, length);
            } catch (WriteLimitReachedException e) {
                limitReached = true;
                throw e;
            }
        }
    }
}
