package io.connectorkit.runtime.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An embedded index as one host uses it: where it listens, the credential it asks for, and who
 * runs it (this process, or another command on the same data directory).
 */
public interface EmbeddedIndexHandle extends AutoCloseable {
    /** @return the index's HTTP URL, such as {@code http://127.0.0.1:41234} */
    String url();

    /** @return the data directory ({@code sink.embedded.data-dir}), absolute */
    Path dataDir();

    /**
     * @return the {@code Authorization} header value the index requires; empty when the index
     *     requires one this user cannot read (a node another user's process runs)
     */
    Optional<String> authorization();

    /** @return the file that holds the index's password, for messages that tell where it is */
    Path credentialFile();

    /** @return the id of the process that runs the index (this one's when it started it) */
    long pid();

    /** Stops the index if this process runs it; another process's keeps running. */
    @Override
    void close();
}
