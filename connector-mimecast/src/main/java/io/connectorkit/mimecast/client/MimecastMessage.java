package io.connectorkit.mimecast.client;

import java.util.List;

/**
 * A message as {@code get-message-list} lists it (or as its detail describes it, for a message
 * fetched again). The fields that make a document's version are kept as the answer wrote them.
 *
 * @param id the Mimecast message id, or empty when the item has none
 * @param subject {@code subject}, or null
 * @param from the sender addresses as answered
 * @param to the recipient addresses as answered
 * @param received {@code received} as answered, or null
 * @param size {@code size} as answered, or null
 * @param status {@code status}, or null
 * @param smash {@code smash} (the archive copy's hash), or null
 * @param attachmentCount {@code attachmentCount}, or null when not stated
 */
public record MimecastMessage(String id, String subject, List<String> from, List<String> to, String received, String size,
        String status, String smash, Long attachmentCount) {
    public MimecastMessage {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    /** A message known by its id alone, for the failure of a message that could not be read. */
    public static MimecastMessage ofId(String id) {
        return new MimecastMessage(id, null, List.of(), List.of(), null, null, null, null, null);
    }

    /** @return the size in bytes, or null when it is missing or not a number */
    public Long sizeBytes() {
        try {
            return size == null ? null : (long) Double.parseDouble(size);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
