package io.connectorkit.mimecast.content;

import io.connectorkit.api.Document;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastDates;
import io.connectorkit.mimecast.client.MimecastMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Document ids, versions and the email document. Ids are deterministic: one document per
 * (mailbox, message), so the same message listed twice (two views, overlapping windows) is one
 * document, and the same message in two mailboxes is two documents, each with its mailbox's ACL.
 */
public final class MimecastDocuments {
    public static final String KIND_EMAIL = "email";
    public static final String KIND_ATTACHMENT = "attachment";
    /** Subjects longer than this many characters are cut and end in {@link #ELLIPSIS}. */
    public static final int MAX_SUBJECT_CHARS = 10_000;
    public static final String ELLIPSIS = "\u2026";
    /** Issue: the subject was cut at {@link #MAX_SUBJECT_CHARS}. */
    public static final String SUBJECT_TRUNCATED = "subject-truncated";

    private MimecastDocuments() {
    }

    /**
     * A text cut to at most {@code max} characters (code points, so a pair is never split), ending
     * in {@link #ELLIPSIS} when it was cut.
     */
    public static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max)) + ELLIPSIS;
    }

    public static String emailId(String mailbox, String messageId) {
        return "mimecast-" + sha256(mailbox.toLowerCase(Locale.ROOT) + "\n" + messageId);
    }

    /**
     * The reference by which a failed message is fetched again ({@code VIEW:messageId}): the view
     * it was listed in, for the email's {@code view} field, and its Mimecast id.
     */
    public static String ref(String view, String messageId) {
        return view + ":" + messageId;
    }

    /** The reference of an email document ({@link #ref} of its {@code view} and {@code mimecastId} fields), or null. */
    public static String ref(Document email) {
        Object view = email.fields().get("view");
        Object messageId = email.fields().get("mimecastId");
        return view == null || messageId == null ? null : ref(view.toString(), messageId.toString());
    }

    public static String attachmentId(String emailId, int index) {
        return emailId + "-att-" + index;
    }

    /**
     * The version of a listed message: changes when the archive's copy or the settings that shape
     * its documents change.
     */
    public static String version(MimecastMessage listed, MimecastConfig config) {
        return sha256(String.join("\n", listed.id(), Objects.toString(listed.smash(), ""),
                Objects.toString(listed.size(), ""), Objects.toString(listed.received(), ""),
                Objects.toString(listed.status(), ""),
                config.messages().contentMode().name(), Boolean.toString(config.attachments().extract()),
                config.messages().blankSubject())).substring(0, 32);
    }

    /**
     * Builds an email document from the listing and, when fetched, the content.
     *
     * @param mailbox the mailbox (partition and ACL)
     * @param view the view it was first listed in
     * @param listed the message-list item
     * @param content the content, or null for a metadata-only document
     * @param attachmentNames the names of the attachments processed
     * @param config the configuration
     * @return the document
     */
    public static Document email(String mailbox, String view, MimecastMessage listed, MimecastMessageContent content,
            List<String> attachmentNames, MimecastConfig config) {
        String messageId = listed.id();
        String subject = firstNonBlank(listed.subject(),
                content == null ? null : content.subject(), config.messages().blankSubject());
        List<String> issues = new ArrayList<>(content == null ? List.of() : content.issues());
        String cut = cut(subject, MAX_SUBJECT_CHARS);
        if (!cut.equals(subject)) {
            subject = cut;
            issues.add(SUBJECT_TRUNCATED);
        }
        List<String> from = content != null && !content.from().isEmpty() ? content.from()
                : lower(listed.from());
        List<String> to = content != null && !content.to().isEmpty() ? content.to()
                : lower(listed.to());
        Document.Builder b = Document.builder(emailId(mailbox, messageId), KIND_EMAIL)
                .title(subject)
                .field("subject", subject)
                .field("mailbox", mailbox)
                .field("view", view)
                .field("from", from)
                .field("to", to)
                .field("cc", content == null ? null : content.cc())
                .field("received", MimecastDates.parse(listed.received()).orElse(null))
                .field("sent", content == null ? null : content.sent())
                .field("size", listed.sizeBytes())
                .field("attachmentCount", listed.attachmentCount())
                .field("status", listed.status())
                .field("mimecastId", messageId)
                .field("smash", listed.smash())
                .field("contentIssues", issues.isEmpty() ? null : issues)
                .acl(List.of(mailbox))
                .version(version(listed, config));
        if (content != null) {
            b.field("messageId", content.messageId())
                    .field("inReplyTo", content.inReplyTo())
                    .field("references", content.references().isEmpty() ? null : content.references())
                    .field("attachmentNames", attachmentNames.isEmpty() ? null : attachmentNames)
                    .content(content.bodyText());
        }
        return b.build();
    }

    private static List<String> lower(List<String> in) {
        List<String> out = new ArrayList<>();
        in.forEach(s -> out.add(s.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
