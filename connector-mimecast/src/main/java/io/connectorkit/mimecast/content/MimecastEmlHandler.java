package io.connectorkit.mimecast.content;

import static java.util.Objects.requireNonNull;

import io.connectorkit.mimecast.http.MimecastSpool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Collects what {@link MimecastEmlParser} reads from mime4j's events: the outermost headers, the
 * first plain-text and HTML bodies, every other leaf part as a spooled attachment, the preamble
 * of the outermost multipart, and the issues met on the way.
 */
public final class MimecastEmlHandler extends AbstractContentHandler {
    private final Path tempDirectory;
    private final long maxBytes;
    private int headers;
    private String subject;
    private List<String> from = List.of();
    private List<String> to = List.of();
    private List<String> cc = List.of();
    private Instant sent;
    private String messageId;
    private String inReplyTo;
    private List<String> references = List.of();
    private String text;
    private String html;
    private final List<MimecastMessageContent.Attachment> attachments = new ArrayList<>();
    private final Set<String> issues = new LinkedHashSet<>();
    private int multiparts;
    private int parts;
    private String preamble;

    MimecastEmlHandler(Path tempDirectory, long maxBytes) {
        this.tempDirectory = requireNonNull(tempDirectory, "tempDirectory");
        this.maxBytes = maxBytes;
    }

    /** The content read, with this body text. */
    MimecastMessageContent content(String body) {
        return new MimecastMessageContent(subject, from, to, cc, sent, messageId, inReplyTo, references, body,
                attachments, List.copyOf(issues));
    }

    String text() {
        return text;
    }

    String html() {
        return html;
    }

    /** Body parts seen in any multipart. */
    int parts() {
        return parts;
    }

    /** The text before the first boundary of the outermost multipart, or null. */
    String preamble() {
        return preamble;
    }

    void issue(String code) {
        issues.add(code);
    }

    @Override
    public void startHeader() {
        headers++;
    }

    @Override
    public void startMultipart(BodyDescriptor bd) {
        multiparts++;
    }

    @Override
    public void startBodyPart() {
        parts++;
    }

    @Override
    public void preamble(InputStream in) throws IOException {
        if (multiparts == 1 && preamble == null) {
            byte[] bytes = in.readNBytes(MimecastEmlParser.MAX_BODY_CHARS);
            preamble = MimecastCharsets.decode(bytes, bytes.length, null).text().strip();
        }
    }

    @Override
    public void field(Field field) {
        if (headers != 1) {
            return;
        }
        String raw = body(field);
        switch (field.getName().toLowerCase(Locale.ROOT)) {
            case "subject" -> subject = MimecastHeaderText.decode(raw);
            case "from" -> from = MimecastHeaderText.addresses(raw);
            case "to" -> to = MimecastHeaderText.addresses(raw);
            case "cc" -> cc = MimecastHeaderText.addresses(raw);
            case "date" -> {
                sent = MimecastEmlParser.date(raw);
                if (sent == null) {
                    issue(MimecastEmlParser.DATE_UNREADABLE);
                }
            }
            case "message-id" -> messageId = MimecastHeaderText.decode(raw);
            case "in-reply-to" -> inReplyTo = MimecastHeaderText.decode(raw);
            case "references" -> references = Arrays.stream(MimeUtil.unfold(raw).trim().split("\\s+"))
                    .filter(s -> !s.isBlank()).toList();
            default -> { }
        }
    }

    @Override
    public void body(BodyDescriptor bd, InputStream in) throws IOException {
        MaximalBodyDescriptor d = (MaximalBodyDescriptor) bd;
        String type = d.getMimeType() == null ? "text/plain" : d.getMimeType().toLowerCase(Locale.ROOT);
        String name = MimecastHeaderText.decode(d.getContentDispositionFilename());
        if (name == null || name.isBlank()) {
            name = MimecastHeaderText.decode(d.getContentTypeParameters().get("name"));
        }
        boolean attachment = "attachment".equalsIgnoreCase(d.getContentDispositionType())
                || (name != null && !name.isBlank());
        if (!attachment && type.equals("text/plain") && text == null) {
            text = readText(in, d.getCharset());
        } else if (!attachment && type.equals("text/html") && html == null) {
            html = readText(in, d.getCharset());
        } else {
            MimecastSpool spool = MimecastSpool.read(in, tempDirectory, maxBytes, type, name);
            attachments.add(new MimecastMessageContent.Attachment(null, name, type, spool.length(),
                    spool.sha256().orElse(null), spool));
        }
    }

    /** The field's value; 8-bit bytes are read by the {@link MimecastCharsets} rules, not as ASCII. */
    private String body(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return field.getBody();
        }
        byte[] bytes = raw.toByteArray();
        boolean eightBit = false;
        for (byte b : bytes) {
            eightBit |= b < 0;
        }
        if (!eightBit) {
            return field.getBody();
        }
        String text = MimecastCharsets.header(bytes);
        int colon = text.indexOf(':');
        return colon < 0 ? field.getBody() : text.substring(colon + 1);
    }

    private String readText(InputStream in, String charsetName) throws IOException {
        byte[] bytes = in.readNBytes(MimecastEmlParser.MAX_BODY_CHARS);
        boolean cut = in.transferTo(OutputStream.nullOutputStream()) > 0;
        MimecastCharsets.Decoded decoded = MimecastCharsets.decode(bytes, bytes.length, charsetName);
        decoded.issues().forEach(this::issue);
        if (cut) {
            issue(MimecastEmlParser.BODY_TRUNCATED);
            return decoded.text() + MimecastEmlParser.TRUNCATED;
        }
        return decoded.text();
    }

    void release() {
        attachments.forEach(a -> a.content().close());
    }
}
