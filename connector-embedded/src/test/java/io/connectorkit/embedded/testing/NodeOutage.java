package io.connectorkit.embedded.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * Takes the {@link SharedSearchNode} away and brings it back on the same data directory and port,
 * as a restarted cluster would come back at the same address. A test that stops the node restarts
 * it before it ends: the tests after it share the node.
 */
public final class NodeOutage {
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
    public void stop() throws IOException {
        stop.run();
    }

    /** Starts the node again where it was; its indices come back from the data directory. */
    public void restart() throws IOException {
        restart.run();
    }
}
