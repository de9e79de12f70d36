package io.connectorkit.mimecast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Parses a whole MIME message (the {@code .eml} from {@code get-file}) as a stream with Apache
 * James mime4j: top-level headers, the first plain-text body (or the first HTML body, converted
 * to text), and every other leaf part as an attachment, spooled with
 * {@link MimecastSpool} so that large attachments never sit in memory. Attached messages
 * ({@code message/rfc822}) are kept whole as one attachment.
 */
final class MimecastEmlParser {
    private static final int MAX_BODY_CHARS = 5_000_000;

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
        Handler handler = new Handler(keepAttachments ? maxBytes : 0);
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
        String body = handler.text != null ? handler.text : MimecastHtml.toText(handler.html);
        return new MimecastMessageContent(handler.subject, handler.from, handler.to, handler.cc, handler.sent,
                handler.messageId, handler.inReplyTo, handler.references, body, handler.attachments);
    }

    static String decode(String raw) {
        return raw == null ? null : DecoderUtil.decodeEncodedWords(MimeUtil.unfold(raw).trim(), DecodeMonitor.SILENT);
    }

    static List<String> addresses(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(MimeUtil.unfold(raw)).flatten()) {
            if (m.getAddress() != null && !m.getAddress().isBlank()) {
                out.add(m.getAddress().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static Instant date(String raw) {
        if (raw == null) {
            return null;
        }
        String t = MimeUtil.unfold(raw).replaceAll("\\s*\\([^)]*\\)\\s*$", "").trim().replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return MimecastDates.parse(t).orElse(null);
        }
    }

    private final class Handler extends AbstractContentHandler {
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

        Handler(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void startHeader() {
            headers++;
        }

        @Override
        public void field(Field field) {
            if (headers != 1) {
                return;
            }
            String raw = field.getBody();
            switch (field.getName().toLowerCase(Locale.ROOT)) {
                case "subject" -> subject = decode(raw);
                case "from" -> from = addresses(raw);
                case "to" -> to = addresses(raw);
                case "cc" -> cc = addresses(raw);
                case "date" -> sent = date(raw);
                case "message-id" -> messageId = decode(raw);
                case "in-reply-to" -> inReplyTo = decode(raw);
                case "references" -> references = Arrays.stream(MimeUtil.unfold(raw).trim().split("\\s+"))
                        .filter(s -> !s.isBlank()).toList();
                default -> { }
            }
        }

        @Override
        public void body(BodyDescriptor bd, InputStream in) throws IOException {
            MaximalBodyDescriptor d = (MaximalBodyDescriptor) bd;
            String type = d.getMimeType() == null ? "text/plain" : d.getMimeType().toLowerCase(Locale.ROOT);
            String name = decode(d.getContentDispositionFilename());
            if (name == null || name.isBlank()) {
                name = decode(d.getContentTypeParameters().get("name"));
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

        private String readText(InputStream in, String charsetName) throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (charsetName != null) {
                    charset = Charset.forName(charsetName);
                }
            } catch (IllegalArgumentException e) {
                // Unknown charsets are common in the wild; UTF-8 keeps most of the text readable.
            }
            byte[] bytes = in.readNBytes(MAX_BODY_CHARS);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(bytes, charset);
        }

        void release() {
            attachments.forEach(a -> a.content().close());
        }
    }
}
