package io.connectorkit.cli;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fake Mimecast tenant an integration test class crawls: the client credentials its fake
 * server accepts, the configuration files of its crawls (written by {@link CrawlConfig}, the
 * secret read from the environment) and the command run with that environment, in this JVM or in
 * a process of its own.
 */
final class FakeTenant {
    private final Class<?> test;
    private final String clientId;
    private final String secret;

    /**
     * @param test the test class, whose name starts every connector id (so every index) it writes
     * @param clientId the OAuth client id the server accepts
     * @param secret the client secret the server accepts, which the configurations read from
     *     {@value CrawlConfig#SECRET_VARIABLE}
     */
    FakeTenant(Class<?> test, String clientId, String secret) {
        this.test = requireNonNull(test, "test");
        this.clientId = requireNonNull(clientId, "clientId");
        this.secret = requireNonNull(secret, "secret");
    }

    /** @return the environment the command runs with: the client secret the written files refer to */
    Map<String, String> env() {
        return Map.of(CrawlConfig.SECRET_VARIABLE, secret);
    }

    /** @return a server on the archive that accepts this tenant's credentials, to add faults to and start */
    FakeMimecastServerBuilder server(Archive archive) {
        return FakeMimecastServer.builder().archive(archive).clientCredentials(clientId, secret);
    }

    /** @return a started server on the archive that accepts this tenant's credentials */
    FakeMimecastServer serve(Archive archive) {
        return server(archive).start();
    }

    /**
     * @param name the rest of the connector id (see {@link CrawlConfig#mimecast})
     * @param server the fake server, both API and authentication endpoint
     * @param indexUrl the index: the shared node's URL or a proxy's in front of it
     * @return the configuration of a crawl of the server, to adjust and write
     */
    CrawlConfig config(String name, FakeMimecastServer server, String indexUrl) {
        return config(name, server.baseUrl(), indexUrl);
    }

    /** The same for a Mimecast endpoint given by its URL (a server not started yet, or none at all). */
    CrawlConfig config(String name, String mimecastUrl, String indexUrl) {
        return CrawlConfig.mimecast(test, name, mimecastUrl, clientId, indexUrl);
    }

    /** Runs the command in this JVM with the tenant's environment. */
    CliRun run(String... args) {
        return CliRun.run(env(), args);
    }

    /** Runs the packaged command in a process of its own, in {@code dir}, with the tenant's environment. */
    CliRun process(Path dir, String... args) throws IOException, InterruptedException {
        return ConnectorProcess.run(dir, env(), args);
    }

    /**
     * Starts the packaged command in a process of its own and returns at once (see
     * {@link ConnectorProcess#start}).
     */
    Process start(Path dir, Path log, String heap, String... args) throws IOException {
        return ConnectorProcess.start(dir, env(), log, heap, args);
    }
}
