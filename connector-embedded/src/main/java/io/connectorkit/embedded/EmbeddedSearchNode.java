package io.connectorkit.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * An OpenSearch node running inside this JVM on 127.0.0.1, for the demo, tests and hosts without
 * a cluster. It listens for HTTP on a free or a chosen port ({@link #url()}) and keeps its data
 * under the given directory; closed and started again on both, it serves the same indices. One
 * per JVM: start it once and share it.
 *
 * <p>It answers only requests with the data directory's {@link EmbeddedCredential} (HTTP Basic,
 * checked by {@link CredentialPlugin}; the directory is made mode 0700, the password file 0600),
 * so that other users of the machine cannot read the mail; {@link #startWithoutCredential} starts
 * one without, standing in for a cluster that has no security, for tests.
 */
public final class EmbeddedSearchNode implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(EmbeddedSearchNode.class);

    private final PluginNode node;
    private final int port;
    private final long startMillis;
    private final EmbeddedCredential credential;

    private EmbeddedSearchNode(PluginNode node, int port, long startMillis, EmbeddedCredential credential) {
        this.node = node;
        this.port = port;
        this.startMillis = startMillis;
        this.credential = credential;
    }

    /**
     * Starts a node.
     *
     * @param dataDir the node's home; data goes to {@code dataDir/data}
     * @return the running node
     * @throws IOException if the directory cannot be created or the node does not start
     */
    public static EmbeddedSearchNode start(Path dataDir) throws IOException {
        return start(dataDir, 0);
    }

    /**
     * Starts a node on a chosen HTTP port, such as the port of a node that ran on the same data
     * directory before (to restart it where its clients expect it).
     *
     * @param dataDir the node's home; data goes to {@code dataDir/data}
     * @param port the HTTP port, or 0 for a free one
     * @return the running node
     * @throws IOException if the directory cannot be created or the node does not start
     */
    public static EmbeddedSearchNode start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, true);
    }

    /**
     * Starts a node that answers anyone who can reach 127.0.0.1, as a cluster without security
     * does: for tests that stand it in for such a cluster. Commands never start one.
     *
     * @param dataDir the node's home; data goes to {@code dataDir/data}
     * @param port the HTTP port, or 0 for a free one
     * @return the running node
     * @throws IOException if the directory cannot be created or the node does not start
     */
    public static EmbeddedSearchNode startWithoutCredential(Path dataDir, int port) throws IOException {
        return start(dataDir, port, false);
    }

    private static EmbeddedSearchNode start(Path dataDir, int port, boolean secured) throws IOException {
        requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, not " + port);
        }
        long began = System.nanoTime();
        Path home = dataDir.toAbsolutePath();
        Files.createDirectories(home);
        EmbeddedCredential credential = secured ? EmbeddedCredential.prepare(home) : null;
        // Netty sets its processor count once per JVM; another Netty user may have done it first.
        if (System.getProperty("opensearch.set.netty.runtime.available.processors") == null) {
            System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        }
        Settings settings = Settings.builder()
                .put("cluster.name", "connectorkit-embedded")
                .put("node.name", "embedded")
                .put("path.home", home.toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", Integer.toString(port))
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                .build();
        PluginNode node = new PluginNode(settings, secured);
        try {
            node.start();
        } catch (Exception e) {
            closeQuietly(node);
            throw new IOException("The embedded index did not start in " + home
                    + (port == 0 ? "" : " on port " + port) + " (" + e.getMessage()
                    + "); is another process using this sink.embedded.data-dir" + (port == 0 ? "" : " or port") + "?", e);
        }
        TransportAddress address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        EmbeddedSearchNode started = new EmbeddedSearchNode(node, address.getPort(),
                (System.nanoTime() - began) / 1_000_000, credential);
        LOG.info("Embedded index started at {} in {} ms (data in {})", started.url(), started.startMillis(),
                EmbeddedIndex.shown(home));
        return started;
    }

    /** @return the HTTP URL, such as {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * @return the credential requests must send (its password is in the data directory's
     *     {@value EmbeddedCredential#FILE_NAME} file), empty for a node started without one
     */
    public Optional<EmbeddedCredential> credential() {
        return Optional.ofNullable(credential);
    }

    /** @return the HTTP port, for {@link #start(Path, int)} after a {@link #close()} */
    public int port() {
        return port;
    }

    /** @return how long the node took to start, in milliseconds */
    public long startMillis() {
        return startMillis;
    }

    /** Stops the node and waits for it to close. */
    @Override
    public void close() {
        closeQuietly(node);
    }

    private static void closeQuietly(Node node) {
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                LOG.warn("The embedded index did not close within 30 s");
            }
        } catch (IOException e) {
            LOG.warn("Closing the embedded index failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A node with the HTTP transport and common analysis plugins, and the credential check when
     * secured. No scripting and no reindex module: the connector needs neither, and a node
     * without them proves it on every test run.
     */
    private static final class PluginNode extends Node {
        PluginNode(Settings settings, boolean secured) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "embedded"),
                    plugins(secured), true);
        }

        private static List<Class<? extends Plugin>> plugins(boolean secured) {
            List<Class<? extends Plugin>> plugins = new ArrayList<>(
                    List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
            if (secured) {
                plugins.add(CredentialPlugin.class);
            }
            return plugins;
        }
    }
}
