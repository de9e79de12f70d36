/**
 * A deterministic Mimecast-like archive generated on demand from a seed: domains, mailboxes with
 * aliases, messages with awkward content, and RFC822 rendering. Start with
 * {@link io.connectorkit.testkit.archive.ArchiveGenerator}.
 */
package io.connectorkit.testkit.archive;
