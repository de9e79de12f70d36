package io.connectorkit.cli.bench.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.ArchiveSpec;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import java.util.function.UnaryOperator;

/**
 * A generated archive served by the simulator, with the documents a complete crawl must index.
 * Closing it stops the simulator.
 */
public final class SimulatedArchive implements AutoCloseable {
    /** The client id the simulator accepts, which every benchmark source is configured with. */
    public static final String CLIENT_ID = "bench-client";
    /** Not a secret: only the simulator accepts it. */
    public static final String CLIENT_SECRET = "bench-client-secret";

    private final Archive archive;
    private final ArchiveTotals totals;
    private final FakeMimecastServer server;

    private SimulatedArchive(Archive archive, ArchiveTotals totals, FakeMimecastServer server) {
        this.archive = requireNonNull(archive, "archive");
        this.totals = requireNonNull(totals, "totals");
        this.server = requireNonNull(server, "server");
    }

    /**
     * Generates the archive and starts the simulator on it.
     *
     * @param spec the archive
     * @param options extra simulator settings (a rate limit), or identity
     * @return the running simulator
     */
    public static SimulatedArchive start(ArchiveSpec spec, UnaryOperator<FakeMimecastServerBuilder> options) {
        Archive archive = ArchiveGenerator.generate(spec);
        ArchiveTotals totals = ArchiveTotals.of(archive);
        FakeMimecastServer server = options.apply(FakeMimecastServer.builder().archive(archive)
                .clientCredentials(CLIENT_ID, CLIENT_SECRET)
                .recordLimit(1_000)).start();
        return new SimulatedArchive(archive, totals, server);
    }

    public Archive archive() {
        return archive;
    }

    public ArchiveTotals totals() {
        return totals;
    }

    public FakeMimecastServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
