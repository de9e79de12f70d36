package io.connectorkit.runtime.index.documents;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.index.IndexDiskFullException;
import io.connectorkit.runtime.index.IndexErrors;
import io.connectorkit.runtime.index.SinkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The disk under the index, as far as the host can watch it. For the embedded index it checks
 * the free space of the data directory's filesystem before every bulk write and holds writes
 * while it is below a reserve ({@link #reserveFor}): the node itself would otherwise fill the disk,
 * fail its shards and stop answering. For any index it recognises the index's own disk refusals
 * ({@link #refusal}). Either way it says once that writes wait for disk space, with the path and
 * the fix, reminds every 30 s, and after {@code sink.retry.max-wait-seconds} gives up with an
 * {@link IndexDiskFullException}; from then on every write fails at once with the same message.
 * Thread-safe.
 */
public final class IndexDisk {
    private static final Logger LOG = LogManager.getLogger(IndexDisk.class);
    private static final long MB = 1024 * 1024;
    /** Room kept free on top of two bulk requests, for Lucene's merges and the node's own files. */
    static final long MARGIN_BYTES = 8 * MB;
    private static final long REMIND_MILLIS = 30_000;
    private static final long POLL_MILLIS = 500;
    private static final String FIX = "Free space there, or move the directory to a larger filesystem and point"
            + " sink.embedded.data-dir at it";

    private final Path dataDir;
    private final long reserve;
    private Instant shortSince;
    private long lastNotice;
    private IndexDiskFullException gaveUp;

    private IndexDisk(Path dataDir, long reserve) {
        this.dataDir = dataDir;
        this.reserve = reserve;
    }

    /** @return the disk of a cluster: not watched, only its refusals are recognised */
    public static IndexDisk cluster() {
        return new IndexDisk(null, 0);
    }

    /**
     * The disk of the embedded index.
     *
     * @param dataDir {@code sink.embedded.data-dir}
     * @param bulkMaxBytes {@code sink.bulk.max-bytes}
     * @return the disk, watched
     */
    public static IndexDisk embedded(Path dataDir, long bulkMaxBytes) {
        return new IndexDisk(requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize(), reserveFor(bulkMaxBytes));
    }

    /**
     * How much free space the embedded index keeps: two bulk requests (each written to the
     * translog and then to a segment) plus {@value #MARGIN_BYTES} bytes.
     *
     * @param bulkMaxBytes {@code sink.bulk.max-bytes}
     * @return the reserve in bytes
     */
    public static long reserveFor(long bulkMaxBytes) {
        return 2 * bulkMaxBytes + MARGIN_BYTES;
    }

    /**
     * Whether an error the index answered is a refusal for lack of disk space: a disk error of
     * its own, or the flood-stage (read-only-allow-delete) block.
     *
     * @param reason the index's error, such as {@link IndexErrors#describe}
     * @return whether it is a disk refusal
     */
    public static boolean refusal(String reason) {
        if (reason == null) {
            return false;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        return r.contains("no space left on device") || r.contains("read-only-allow-delete")
                || r.contains("read_only_allow_delete") || r.contains("flood stage") || r.contains("flood-stage")
                || r.contains("disk usage exceeded");
    }

    /** @return the data directory watched, empty for a cluster */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /**
     * Waits until the embedded index's filesystem has its reserve free, at most
     * {@code maxWait} from when it first fell short.
     *
     * @param maxWait {@code sink.retry.max-wait-seconds}
     * @throws IndexDiskFullException when the space stayed short that long, or did before
     * @throws SinkException when interrupted
     */
    public void awaitRoom(Duration maxWait) throws SinkException {
        while (true) {
            synchronized (this) {
                if (gaveUp != null) {
                    throw new IndexDiskFullException(gaveUp.getMessage(), gaveUp);
                }
                if (dataDir == null) {
                    return;
                }
                long free = usable();
                if (free < 0 || free >= reserve) {
                    if (shortSince != null) {
                        LOG.warn("The filesystem of {} has {} free again; the crawl continues", dataDir, mb(free));
                        shortSince = null;
                    }
                    return;
                }
                long now = System.currentTimeMillis();
                if (shortSince == null) {
                    shortSince = Instant.now();
                    lastNotice = now;
                    LOG.warn("The embedded index is short of disk space: {} free on the filesystem of {}"
                            + " (sink.embedded.data-dir), below the {} it keeps free for writing. {}; the"
                            + " crawl waits up to {} s (sink.retry.max-wait-seconds), then stops and keeps what the"
                            + " index acknowledged", mb(free), dataDir, mb(reserve), fix(), maxWait.toSeconds());
                } else if (now - lastNotice >= REMIND_MILLIS) {
                    lastNotice = now;
                    LOG.warn("Still short of disk space for the embedded index: {} free on the filesystem of {} ({} s)",
                            mb(free), dataDir, Duration.between(shortSince, Instant.now()).toSeconds());
                }
                Duration waited = Duration.between(shortSince, Instant.now());
                if (waited.compareTo(maxWait) >= 0) {
                    throw giveUp(new IndexDiskFullException("The embedded index ran out of disk space: " + mb(free)
                            + " free on the filesystem of " + dataDir + " (sink.embedded.data-dir) for " + waited.toSeconds()
                            + " s (sink.retry.max-wait-seconds), below the " + mb(reserve) + " it keeps free for"
                            + " writing; what the index acknowledged is saved. " + fix() + ", then run the crawl again",
                            null));
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException("Interrupted while waiting for disk space on " + dataDir, e);
            }
        }
    }

    /**
     * Whether the embedded index's filesystem is below its reserve now.
     *
     * @return {@code true} when watched and short
     */
    public synchronized boolean low() {
        if (dataDir == null) {
            return false;
        }
        long free = usable();
        return free >= 0 && free < reserve;
    }

    /**
     * Gives up on writes the index refused for lack of disk space after they were retried for
     * {@code sink.retry.max-wait-seconds}.
     *
     * @param index the index, for the message
     * @param where the index's URL
     * @param reason the index's last refusal
     * @param waited how long the writes were retried
     * @return the exception to throw; every later write fails with it too
     */
    public synchronized IndexDiskFullException refused(String index, String where, String reason, Duration waited) {
        if (gaveUp != null) {
            return new IndexDiskFullException(gaveUp.getMessage(), gaveUp);
        }
        String message;
        if (dataDir != null) {
            long free = usable();
            message = "The embedded index ran out of disk space: it refused writes to index '" + index + "' for "
                    + waited.toSeconds() + " s (sink.retry.max-wait-seconds) with " + (free < 0 ? "" : mb(free) + " ")
                    + "free on the filesystem of " + dataDir + " (sink.embedded.data-dir); what the index acknowledged"
                    + " is saved. " + fix() + ", then run the crawl again";
        } else {
            message = "The index at " + where + " refused writes to index '" + index + "' for lack of disk space for "
                    + waited.toSeconds() + " s (sink.retry.max-wait-seconds): " + shorten(reason) + "; what the index"
                    + " acknowledged is saved. Free disk space on the cluster's data nodes (the flood-stage block lifts"
                    + " once their disk usage falls below the high watermark), then run the crawl again";
        }
        return giveUp(new IndexDiskFullException(message, null));
    }

    private IndexDiskFullException giveUp(IndexDiskFullException e) {
        gaveUp = e;
        return e;
    }

    /** The fix: free space, unless the whole filesystem is smaller than the reserve. */
    private String fix() {
        try {
            long total = Files.getFileStore(dataDir).getTotalSpace();
            if (total < reserve) {
                return "The filesystem holds only " + mb(total) + " in all: lower sink.bulk.max-bytes (the reserve is"
                        + " twice it plus 8 MB), or move the directory to a larger filesystem and point"
                        + " sink.embedded.data-dir at it";
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Size of the filesystem of {} unknown: {}", dataDir, e.toString());
        }
        return FIX;
    }

    private long usable() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Free space of {} unknown: {}", dataDir, e.toString());
            return -1;
        }
    }

    private static String shorten(String reason) {
        return reason.length() > 300 ? reason.substring(0, 300) + "..." : reason;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
