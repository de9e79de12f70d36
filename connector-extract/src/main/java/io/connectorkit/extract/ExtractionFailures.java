package io.connectorkit.extract;

import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import java.util.regex.Pattern;

/**
 * The wording of extraction failures. Results carry the reason alone while they are shared
 * between documents (cache, {@link EarlierExtractions}); the document is named once, when a result is
 * handed back to the caller.
 */
final class ExtractionFailures {
    private static final int MAX_DETAIL = 240;
    private static final Pattern TIKA_WRAPPER = Pattern.compile("TIKA-\\d+: Illegal ");

    private ExtractionFailures() {
    }

    /** One sentence naming the document and the reason. */
    static String forDocument(String documentId, String reason) {
        String sentence = "Text of document '" + documentId + "' was not extracted: " + reason;
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    /** The result as handed to the caller: the failure, if any, names the document. */
    static Extraction named(String documentId, Extraction result) {
        if (result.failure() == null) {
            return result;
        }
        return new Extraction(result.text(), result.mediaType(), result.language(), result.truncated(),
                result.sha256(), result.bytes(), forDocument(documentId, result.failure()));
    }

    static String unreadable(Throwable cause) {
        return "the content could not be read (" + detail(cause) + "); the connector's source failed";
    }

    static String parserFailed(String mediaType, Throwable cause) {
        return "the " + (mediaType == null ? "" : mediaType + " ") + "parser failed (" + detail(unwrap(cause))
                + "); the content is probably corrupt, encrypted or not what its type says";
    }

    /**
     * The exception that says what went wrong: Tika wraps a parser's own exception in one that
     * only names the parser ("TIKA-198: Illegal IOException from ...PDFParser@3e0b3146").
     */
    static Throwable unwrap(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() != null
                && TIKA_WRAPPER.matcher(t.getMessage()).lookingAt()) {
            t = t.getCause();
        }
        return t;
    }

    static String timedOut(int seconds, boolean parsing) {
        return (parsing ? "parsing" : "reading the content") + " timed out after " + seconds
                + (seconds == 1 ? " second" : " seconds")
                + " and was abandoned; raise extract.timeout-seconds if such content is expected";
    }

    /** The first line of an exception's message, cut short; the type name when there is none. */
    static String detail(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        if (line.length() > MAX_DETAIL) {
            line = line.substring(0, MAX_DETAIL) + "...";
        }
        // The sentence that embeds the detail ends with its own period.
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
