package io.connectorkit.cli.output;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Formats numbers, sizes and durations for progress lines and summaries. */
public final class ProgressLine {
    private ProgressLine() {
    }

    /**
     * The progress line for a moment of a crawl, such as
     * {@code mailboxes 3/12 | 1,204 docs | 5.1 MB indexed | 310 docs/s | ETA 40s | rate-limit waits 2 (3.0s summed)}.
     * The megabytes are those sent to the index (the summary's "downloaded" counts what came from
     * the source); the wait is summed over the mailboxes crawled in parallel, so it can exceed the
     * time the crawl has run.
     *
     * @param view the moment
     * @return the line, without a line break
     */
    public static String render(ProgressView view) {
        return render(view, PartitionNoun.DEFAULT);
    }

    /**
     * The progress line for a moment of a crawl, in the connector's word for its partitions.
     *
     * @param view the moment
     * @param noun what the connector calls its partitions
     * @return the line, without a line break
     */
    public static String render(ProgressView view, PartitionNoun noun) {
        StringBuilder line = new StringBuilder();
        line.append(noun.many()).append(' ').append(view.partitionsDone()).append('/')
                .append(view.partitionsTotal() < 0 ? "?" : String.valueOf(view.partitionsTotal()));
        line.append(" | ").append(count(view.documents())).append(" docs");
        line.append(" | ").append(megabytes(view.bytes())).append(" indexed");
        line.append(" | ").append(String.format(Locale.ROOT, "%.0f docs/s", view.rate()));
        Duration eta = view.eta();
        line.append(" | ETA ").append(eta == null ? "?" : duration(eta));
        if (view.failures() > 0) {
            line.append(" | ").append(count(view.failures())).append(" failed");
        }
        line.append(" | rate-limit waits ").append(count(view.rateLimitWaits()));
        if (view.rateLimitWaits() > 0) {
            line.append(" (").append(duration(view.rateLimitWaited())).append(" summed)");
        }
        if (view.quota() != null && view.quota().waitingUntil() != null) {
            line.append(" | waiting for the API quota until ")
                    .append(view.quota().waitingUntil().truncatedTo(ChronoUnit.SECONDS));
        }
        return line.toString();
    }

    /**
     * A count with thousands separators, such as {@code 12,345}.
     *
     * @param n the count
     * @return the text
     */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A size in megabytes with one decimal, such as {@code 5.1 MB}.
     *
     * @param bytes the size
     * @return the text
     */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * A duration for people: {@code 850ms}, {@code 4.2s}, {@code 3m05s}, {@code 2h04m}.
     *
     * @param d the duration
     * @return the text
     */
    public static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
