/**
 * A deterministic Mimecast-like archive generated on demand from a seed: domains, mailboxes with
 * aliases, messages with awkward content, and RFC822 rendering. Start with
 * {@link io.connectorkit.simulator.archive.ArchiveGenerator}.
 */
package io.connectorkit.simulator.archive;
