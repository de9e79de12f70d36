package io.connectorkit.mimecast.client;

import java.time.Instant;

/**
 * What {@code get-message-list} is asked for: one view of one mailbox, received in
 * {@code [start, end)}, aliases included and delegates not (the documented defaults, sent explicitly).
 *
 * @param mailbox the mailbox address
 * @param view {@code INBOX} or {@code SENT}
 * @param start the window's start
 * @param end the window's end
 */
public record MimecastMessageQuery(String mailbox, String view, Instant start, Instant end) { }
