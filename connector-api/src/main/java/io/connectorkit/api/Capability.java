package io.connectorkit.api;

/**
 * Optional behaviours a connector declares through {@link SourceConnector#capabilities()}. The
 * host and the contract suite rely only on what is declared.
 */
public enum Capability {
    /** {@link CrawlMode#INCREMENTAL} crawls return only what changed since the checkpoint. */
    INCREMENTAL,
    /**
     * A {@link CrawlMode#FULL} crawl lists everything that exists, so the host may remove
     * documents that were not seen again.
     */
    DELETIONS,
    /** Documents carry {@link Document#acl() access control lists}. */
    ACLS,
    /** Attachments or other child items become documents of their own, linked to a parent. */
    ATTACHMENTS,
    /** Documents carry binary {@link ContentSource content} for the host to extract text from. */
    BINARY_CONTENT,
    /**
     * Items change in place: an edited item keeps its id and gets a new
     * {@link Document#version() version}, so the next crawl emits it again. A source whose items
     * never change once written (a mail archive) does not declare it.
     */
    UPDATES
}
