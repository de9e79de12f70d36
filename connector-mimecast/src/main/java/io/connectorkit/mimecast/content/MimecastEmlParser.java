package io.connectorkit.mimecast.content;

import io.connectorkit.mimecast.http.MimecastSpool;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Parses a whole MIME message (the {@code .eml} from {@code get-file}) as a stream with Apache
 * James mime4j: top-level headers, the first plain-text body (or the first HTML body, converted
 * to text), and every other leaf part as an attachment, spooled with
 * {@link MimecastSpool} so that large attachments never sit in memory. Attached messages
 * ({@code message/rfc822}) are kept whole as one attachment, so nesting depth costs nothing.
 * Bad content is read as far as it goes and its problems listed in
 * {@link MimecastMessageContent#issues()}: 8-bit headers and bodies follow
 * {@link MimecastCharsets}, encoded-words {@link MimecastHeaderText}, dates
 * {@link MimecastMailDate}; a multipart body whose boundary never appears keeps its text (the
 * preamble) as the body; body text past 5,000,000 bytes is cut and marked. Only bytes that are no
 * message at all (empty, or not starting with a header field) are refused.
 */
public final class MimecastEmlParser {
    /** Body text beyond this many bytes is cut. */
    static final int MAX_BODY_CHARS = 5_000_000;
    /** Appended to body text that was cut at {@link #MAX_BODY_CHARS} bytes. */
    static final String TRUNCATED = "\n[truncated]";
    /** Issue: the body text was cut. */
    static final String BODY_TRUNCATED = "body-truncated";
    /** Issue: a multipart body without parts; its text before the (missing) first boundary is the body. */
    public static final String NO_PARTS = "multipart-without-parts";
    /** Issue: the Date header is present but not a date. */
    public static final String DATE_UNREADABLE = "date-unreadable";
    private static final Pattern FIELD_LINE = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:.*", Pattern.DOTALL);

    private final Path tempDirectory;

    MimecastEmlParser(Path tempDirectory) {
        this.tempDirectory = java.util.Objects.requireNonNull(tempDirectory, "tempDirectory");
    }

    /**
     * Parses a message.
     *
     * @param in the message bytes; not closed
     * @param keepAttachments whether attachment bytes are kept (else only sizes and hashes)
     * @param maxBytes attachment bytes beyond this are not kept
     * @return the content; the caller closes it
     * @throws IOException if the stream cannot be read or is not a MIME message
     */
    MimecastMessageContent parse(InputStream in, boolean keepAttachments, long maxBytes) throws IOException {
        in = checkStart(in);
        MimecastEmlHandler handler = new MimecastEmlHandler(tempDirectory, keepAttachments ? maxBytes : 0);
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1)
                .setMaxContentLen(-1).build();
        MimeStreamParser parser = new MimeStreamParser(config, DecodeMonitor.SILENT,
                new DefaultBodyDescriptorBuilder());
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(handler);
        try {
            parser.parse(in);
        } catch (MimeException e) {
            handler.release();
            throw new IOException("Not a readable MIME message: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            handler.release();
            throw e;
        }
        String body = handler.text() != null ? handler.text() : MimecastHtml.toText(handler.html());
        if (body == null && handler.parts() == 0 && handler.preamble() != null) {
            body = handler.preamble();
            handler.issue(NO_PARTS);
        }
        return handler.content(body);
    }

    /**
     * Refuses bytes that are no message: none at all, or a first line that is neither a header
     * field nor empty (a message may lack headers, but not start with a picture or an error page).
     */
    private static InputStream checkStart(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(1000);
        byte[] start = buffered.readNBytes(998);
        buffered.reset();
        if (start.length == 0) {
            throw new IOException("the message is empty (0 bytes)");
        }
        int from = 0;
        if (start.length >= 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB && (start[2] & 0xff) == 0xBF) {
            // A byte order mark from a file saved by an editor: the headers follow it.
            from = (int) buffered.skip(3);
        }
        int end = from;
        while (end < start.length && start[end] != '\n' && start[end] != '\r') {
            end++;
        }
        String first = new String(start, from, end - from, StandardCharsets.ISO_8859_1);
        if (!first.isEmpty() && !FIELD_LINE.matcher(first).matches() && !first.startsWith("From ")) {
            throw new IOException("the content does not start with a header field (first bytes "
                    + HexFormat.ofDelimiter(" ").formatHex(start, 0, Math.min(8, start.length)) + ")");
        }
        return buffered;
    }

    static String decode(String raw) {
        return MimecastHeaderText.decode(raw);
    }

    static List<String> addresses(String raw) {
        return MimecastHeaderText.addresses(raw);
    }

    static Instant date(String raw) {
        return raw == null ? null : MimecastMailDate.parse(MimeUtil.unfold(raw)).orElse(null);
    }
}
