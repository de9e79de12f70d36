package io.connectorkit.simulator.archive.corpus;

/** The two archive views of a mailbox, as get-message-list names them. */
public enum View {
    /** Messages the mailbox received. */
    INBOX,
    /** Messages the mailbox sent. */
    SENT
}
