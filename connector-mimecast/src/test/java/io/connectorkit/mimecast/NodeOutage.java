package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * Takes the shared embedded node away and brings it back on the same data directory and port,
 * as a restarted cluster would come back at the same address.
 */
final class NodeOutage {
    /** An action that may fail to start the node. */
    interface NodeAction {
        void run() throws IOException;
    }

    private final NodeAction stop;
    private final NodeAction restart;

    NodeOutage(NodeAction stop, NodeAction restart) {
        this.stop = requireNonNull(stop, "stop");
        this.restart = requireNonNull(restart, "restart");
    }

    /** Closes the node and waits until it is closed. */
    void stop() throws IOException {
        stop.run();
    }

    /** Starts the node again where it was; its indices come back from the data directory. */
    void restart() throws IOException {
        restart.run();
    }
}
