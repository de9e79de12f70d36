package io.connectorkit.runtime.state;

/** Another writer changed a partition's state since it was read. */
public class StateConflictException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param partition the partition whose state changed
     */
    public StateConflictException(String partition) {
        super("The state of partition '" + partition + "' was changed by another writer; is a second crawl of this"
                + " source running? Run one crawl per source at a time", null);
    }
}
