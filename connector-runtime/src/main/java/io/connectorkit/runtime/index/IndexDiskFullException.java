package io.connectorkit.runtime.index;

/**
 * The index refuses writes for lack of disk space (the embedded index's filesystem is below its
 * reserve, or a cluster answered with a disk refusal such as its flood-stage block), and stayed
 * so for {@code sink.retry.max-wait-seconds}. Unlike other sink failures it ends the whole crawl:
 * every partition writes to the same disk.
 */
public final class IndexDiskFullException extends SinkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one sentence naming the path or the index, and the fix
     * @param cause the underlying failure, or {@code null}
     */
    public IndexDiskFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Finds a disk refusal in a chain of causes.
     *
     * @param e an exception, or {@code null}
     * @return the disk refusal that caused it, or {@code null}
     */
    public static IndexDiskFullException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndexDiskFullException d) {
                return d;
            }
        }
        return null;
    }
}
