package io.connectorkit.mimecast.content;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.mimecast.MimecastBoundedMatch;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastKeys;
import io.connectorkit.mimecast.http.MimecastSpool;
import io.connectorkit.mimecast.http.MimecastUnreachableException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Attachments as documents of their own ({@code mimecast.attachments.extract}), each linked to
 * its email by {@code parentId} and carrying media type, size, SHA-256 and the binary content
 * for the host to extract text from. Names matching {@code exclude-names} are skipped, nameless
 * attachments get {@code blank-name}, and attachments over {@code max-bytes} are indexed with
 * metadata only and counted in {@link #OVERSIZED}.
 */
public final class MimecastAttachments {
    /** Counter of attachments indexed with metadata only because of their size. */
    public static final String OVERSIZED = "attachments_over_max_bytes";
    /** Counter of attachments skipped by name. */
    public static final String EXCLUDED = "attachments_excluded";

    private final MimecastConfig.Attachments rules;
    private final MimecastContentReader reader;
    private final ConnectorContext context;

    @Inject
    MimecastAttachments(MimecastConfig config, MimecastContentReader reader, ConnectorContext context) {
        this.rules = requireNonNull(config, "config").attachments();
        this.reader = requireNonNull(reader, "reader");
        this.context = requireNonNull(context, "context");
    }

    /**
     * The names of the attachments that are processed, blank names replaced.
     *
     * @param content the message content
     * @return the names in message order
     * @throws ConnectorException PERMANENT when matching a name against
     *     {@code mimecast.attachments.exclude-names} runs past its time bound
     */
    public List<String> names(MimecastMessageContent content) throws ConnectorException {
        List<String> out = new ArrayList<>();
        for (MimecastMessageContent.Attachment a : content.attachments()) {
            String name = name(a);
            if (!excluded(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Emits one document per processed attachment, when extraction is on.
     *
     * @param mailbox the mailbox the email belongs to
     * @param email the email document
     * @param content its content
     * @param emitter where documents go
     * @throws ConnectorException if a fatal error ends the partition; item errors become failures
     */
    public void emit(String mailbox, Document email, MimecastMessageContent content, Emitter emitter)
            throws ConnectorException {
        if (!rules.extract()) {
            return;
        }
        int index = 0;
        for (MimecastMessageContent.Attachment a : content.attachments()) {
            index++;
            String name = name(a);
            String id = MimecastDocuments.attachmentId(email.id(), index);
            MimecastSpool fetched = null;
            try {
                if (excluded(name)) {
                    context.metrics().add(EXCLUDED, 1);
                    continue;
                }
                MimecastSpool bytes = a.content();
                if (bytes == null && a.id() != null && (a.size() < 0 || a.size() <= rules.maxBytes())) {
                    fetched = reader.attachment(a.id(), rules.maxBytes());
                    bytes = fetched;
                }
                long size = bytes != null ? bytes.length() : a.size();
                boolean oversized = size > rules.maxBytes() || (bytes != null && bytes.overLimit());
                if (oversized) {
                    context.metrics().add(OVERSIZED, 1);
                }
                String sha = bytes != null ? bytes.sha256().orElse(a.sha256()) : a.sha256();
                Document.Builder b = Document.builder(id, MimecastDocuments.KIND_ATTACHMENT)
                        .parentId(email.id())
                        .title(name)
                        .field("name", name)
                        .field("mediaType", a.mediaType())
                        .field("size", size < 0 ? null : size)
                        .field("sha256", sha)
                        .field("metadataOnly", oversized ? Boolean.TRUE : null)
                        .field("mailbox", mailbox)
                        .field("emailSubject", email.title())
                        .acl(email.acl())
                        .version(email.version() + ":" + (sha == null ? size : sha));
                if (!oversized && bytes != null) {
                    b.binary(bytes.describedAs(a.mediaType(), name));
                }
                emitter.upsert(b.build());
            } catch (ConnectorException e) {
                if (e.kind().isFatal() || e.kind() == io.connectorkit.api.ErrorKind.RATE_LIMITED
                        || e instanceof MimecastUnreachableException) {
                    throw e;
                }
                emitter.failure(ItemFailure.of(id, e.kind(),
                        "Attachment '" + name + "' of " + email.title() + ": " + e.getMessage())
                        .withSourceRef(MimecastDocuments.ref(email)));
            } finally {
                if (fetched != null) {
                    fetched.close();
                }
            }
        }
    }

    private String name(MimecastMessageContent.Attachment a) {
        return a.name() == null || a.name().isBlank() ? rules.blankName() : a.name();
    }

    private boolean excluded(String name) throws ConnectorException {
        return rules.excludeNames().isPresent() && MimecastBoundedMatch.find(rules.excludeNames().get(), name,
                MimecastKeys.ATTACHMENTS_EXCLUDE_NAMES, "the attachment name");
    }
}
