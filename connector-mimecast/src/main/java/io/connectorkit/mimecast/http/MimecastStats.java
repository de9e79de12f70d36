package io.connectorkit.mimecast.http;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.mimecast.MimecastConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Call statistics of a session: counts every call into the host's {@link ConnectorMetrics} and
 * logs a summary (total calls, calls per second, HTTP errors by status, 429s) every
 * {@code mimecast.stats-interval-seconds}. The timer starts with {@link #start()}, not in a
 * constructor, and stops on {@link #close()}.
 */
public final class MimecastStats implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(MimecastStats.class);

    private final ConnectorContext context;
    private final Duration interval;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Instant started;
    private ScheduledExecutorService timer;

    @Inject
    public MimecastStats(MimecastConfig config, ConnectorContext context) {
        this.context = requireNonNull(context, "context");
        this.interval = requireNonNull(config, "config").logging().statsInterval();
        this.started = context.clock().instant();
    }

    /** Starts the periodic log, unless disabled. */
    public synchronized void start() {
        if (timer == null && !interval.isZero()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mimecast-stats");
                t.setDaemon(true);
                return t;
            });
            long ms = interval.toMillis();
            timer.scheduleAtFixedRate(() -> LOG.info(summary()), ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Counts one call. */
    public void call() {
        calls.incrementAndGet();
        context.metrics().add(ConnectorMetrics.CALLS, 1);
    }

    /**
     * Counts an HTTP error.
     *
     * @param status the status
     */
    public void httpError(int status) {
        errors.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status == 429) {
            rateLimited.incrementAndGet();
            context.metrics().add(ConnectorMetrics.RATE_LIMITED, 1);
        } else {
            context.metrics().add(ConnectorMetrics.HTTP_ERRORS, 1);
        }
    }

    /**
     * Counts a download.
     *
     * @param bytes its size
     */
    public void download(long bytes) {
        context.metrics().add(ConnectorMetrics.DOWNLOADS, 1);
        context.metrics().add(ConnectorMetrics.BYTES_DOWNLOADED, bytes);
    }

    /** @return one line of stats */
    public String summary() {
        double seconds = Math.max(1, Duration.between(started, context.clock().instant()).toMillis()) / 1000.0;
        Map<Integer, Long> byStatus = new TreeMap<>();
        errors.forEach((k, v) -> byStatus.put(k, v.get()));
        return String.format(java.util.Locale.ROOT, "Mimecast calls: %d total, %.2f calls/s, HTTP errors by status %s,"
                + " 429s %d", calls.get(), calls.get() / seconds, byStatus, rateLimited.get());
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            LOG.info(summary());
        }
    }
}
