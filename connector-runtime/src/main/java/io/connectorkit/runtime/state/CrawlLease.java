package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.index.IndexClient;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The right to crawl one source, held in the state index by one run at a time, so that two runs of
 * one {@code connector.id} never interleave their checkpoints, whichever index holds them. The
 * lease names its holder (process id, host, since when) and expires unless renewed, which the
 * holder does every {@link #RENEW_EVERY}: a run that died without releasing it blocks the next one
 * for at most {@link #TTL}, and not at all when it ran on this host and its process is gone.
 * Written with {@code op_type=create} or {@code if_seq_no}/{@code if_primary_term}, so two runs
 * that start at once cannot both take it. The lease document has no {@code connector_id} field, so
 * the state's partition listing never sees it.
 */
public final class CrawlLease implements AutoCloseable {
    /** How long a lease lasts without renewal. */
    public static final Duration TTL = Duration.ofSeconds(60);
    /** How often the holder renews it. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(15);
    private static final Logger LOG = LogManager.getLogger(CrawlLease.class);
    private static final String HOST = localHostName().orElse("localhost");

    private final IndexClient client;
    private final String path;
    private final String connectorId;
    private final String holder;
    private final Instant since;
    private final ScheduledExecutorService renewer;
    private long seqNo;
    private long primaryTerm;
    private boolean held;

    private CrawlLease(IndexClient client, String path, String connectorId, String holder, Instant since) {
        this.client = client;
        this.path = path;
        this.connectorId = connectorId;
        this.holder = holder;
        this.since = since;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crawl-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the lease of a source, or says who holds it.
     *
     * @param client the index client (not closed by the lease)
     * @param stateIndex the state index
     * @param connectorId the source
     * @return the lease, renewed until closed
     * @throws ConnectorException TRANSIENT "A crawl of 'X' is already running (since T, pid P)" when
     *     another live run holds it, or when the state index cannot be read or written
     */
    public static CrawlLease acquire(IndexClient client, String stateIndex, String connectorId)
            throws ConnectorException {
        requireNonNull(client, "client");
        requireNonNull(connectorId, "connectorId");
        CrawlLease lease = new CrawlLease(client, SourceDocument.path(stateIndex, "crawl-lease", connectorId),
                connectorId, UUID.randomUUID().toString(), Instant.now());
        try {
            lease.take();
        } catch (IOException e) {
            lease.renewer.shutdownNow();
            throw new ConnectorException(ErrorKind.TRANSIENT, "Cannot take the crawl lease of '" + connectorId
                    + "' in the state index " + stateIndex + ": " + e.getMessage() + "; check that the index answers", e);
        } catch (ConnectorException | RuntimeException e) {
            lease.renewer.shutdownNow();
            throw e;
        }
        long every = RENEW_EVERY.toMillis();
        lease.renewer.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        return lease;
    }

    private void take() throws IOException, ConnectorException {
        for (int attempt = 0; attempt < 3; attempt++) {
            IndexClient.Reply current = client.json("GET", path, Map.of(), null);
            Map<String, String> params = new HashMap<>();
            if (current.status() == 404) {
                params.put("op_type", "create");
            } else if (current.ok() && current.body().has("_source")) {
                JsonObject other = current.body().getAsJsonObject("_source").getAsJsonObject("crawl_lease");
                if (other != null && live(other)) {
                    throw running(other);
                }
                params.put("if_seq_no", current.body().get("_seq_no").getAsString());
                params.put("if_primary_term", current.body().get("_primary_term").getAsString());
            } else {
                throw new IOException("HTTP " + current.status());
            }
            IndexClient.Reply written = client.json("PUT", path, params, document().toString());
            if (written.status() == 409) {
                continue; // another run wrote first: read who it is
            }
            if (!written.ok()) {
                throw new IOException("HTTP " + written.status());
            }
            stored(written);
            return;
        }
        throw new IOException("the lease kept changing while it was being taken");
    }

    private ConnectorException running(JsonObject other) {
        String host = text(other, "host");
        boolean here = host.equals(hostName());
        return new ConnectorException(ErrorKind.TRANSIENT, "A crawl of '" + connectorId + "' is already running (since "
                + text(other, "since") + ", pid " + text(other, "pid") + ")" + (here ? "" : " on " + host)
                + "; wait for it to finish or stop it, then run this again (status works meanwhile)");
    }

    private static boolean live(JsonObject other) {
        Instant expires;
        try {
            expires = Instant.parse(text(other, "expires_at"));
        } catch (RuntimeException e) {
            return false;
        }
        if (!Instant.now().isBefore(expires)) {
            return false;
        }
        if (text(other, "host").equals(hostName())) {
            // On this host the process can be asked directly: a crashed run does not block for the TTL.
            try {
                long pid = Long.parseLong(text(other, "pid"));
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return true;
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
    }

    private JsonObject document() {
        JsonObject lease = new JsonObject();
        lease.addProperty("connector", connectorId);
        lease.addProperty("holder", holder);
        lease.addProperty("pid", ProcessHandle.current().pid());
        lease.addProperty("host", hostName());
        lease.addProperty("since", since.toString());
        lease.addProperty("expires_at", Instant.now().plus(TTL).toString());
        JsonObject doc = new JsonObject();
        doc.add("crawl_lease", lease);
        return doc;
    }

    private synchronized void stored(IndexClient.Reply written) {
        seqNo = written.body().get("_seq_no").getAsLong();
        primaryTerm = written.body().get("_primary_term").getAsLong();
        held = true;
    }

    private synchronized void renew() {
        if (!held) {
            return;
        }
        try {
            IndexClient.Reply r = client.json("PUT", path, Map.of("if_seq_no", Long.toString(seqNo),
                    "if_primary_term", Long.toString(primaryTerm)), document().toString());
            if (r.ok()) {
                seqNo = r.body().get("_seq_no").getAsLong();
                primaryTerm = r.body().get("_primary_term").getAsLong();
            } else if (r.status() == 409) {
                held = false;
                LOG.warn("The crawl lease of '{}' was taken over by another run (this one stopped renewing for"
                        + " longer than {} s); the two may interleave their checkpoints", connectorId, TTL.toSeconds());
            }
        } catch (IOException | RuntimeException e) {
            // The next renewal tries again; the lease lasts four renewals.
            LOG.debug("Renewing the crawl lease of '{}' failed: {}", connectorId, e.toString());
        }
    }

    /** @return the process id and since when, as the lease shows them to another run */
    public String describe() {
        return "since " + since + ", pid " + ProcessHandle.current().pid();
    }

    /** @return whether this run still holds the lease */
    public synchronized boolean held() {
        return held;
    }

    /** Stops renewing and gives the lease up. */
    @Override
    public void close() {
        renewer.shutdownNow();
        synchronized (this) {
            if (!held) {
                return;
            }
            held = false;
            try {
                client.json("DELETE", path, Map.of("if_seq_no", Long.toString(seqNo),
                        "if_primary_term", Long.toString(primaryTerm)), null);
            } catch (IOException | RuntimeException e) {
                // It expires by itself within the TTL.
                LOG.debug("Releasing the crawl lease of '{}' failed: {}", connectorId, e.toString());
            }
        }
    }

    private static String hostName() {
        return HOST;
    }

    private static Optional<String> localHostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
