package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed memory of a JVM by category, as its Native Memory Tracking summary says ({@code
 * java -XX:NativeMemoryTracking=summary}, then {@code jcmd <pid> VM.native_memory summary}): the
 * Java heap, class metadata, thread stacks, compiled code, the collector's own structures and the
 * rest. What the JVM tracks; memory that native libraries allocate themselves is not in it.
 *
 * @param totalKb the total committed
 * @param committedKb committed per category, in the summary's order ({@code Java Heap}, {@code Class}, ...)
 * @param reservedKb reserved per category (for the Java heap: its limit)
 */
public record NativeMemory(long totalKb, Map<String, Long> committedKb, Map<String, Long> reservedKb) {
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    public NativeMemory {
        requireNonNull(committedKb, "committedKb");
        requireNonNull(reservedKb, "reservedKb");
        committedKb = Collections.unmodifiableMap(new LinkedHashMap<>(committedKb));
        reservedKb = Collections.unmodifiableMap(new LinkedHashMap<>(reservedKb));
    }

    /**
     * Reads a summary.
     *
     * @param summary the text {@code jcmd <pid> VM.native_memory summary} printed
     * @return its figures; a total of 0 when the text has none (tracking was off)
     */
    public static NativeMemory parse(String summary) {
        long total = 0;
        Map<String, Long> categories = new LinkedHashMap<>();
        Map<String, Long> reserved = new LinkedHashMap<>();
        for (String line : summary.split("\\R")) {
            String trimmed = line.strip();
            Matcher t = TOTAL.matcher(trimmed);
            if (t.find()) {
                total = Long.parseLong(t.group(2));
                continue;
            }
            Matcher c = CATEGORY.matcher(trimmed);
            if (c.find()) {
                categories.put(c.group(1), Long.parseLong(c.group(3)));
                reserved.put(c.group(1), Long.parseLong(c.group(2)));
            }
        }
        return new NativeMemory(total, categories, reserved);
    }

    /** @return the category's committed MB, 0 when the summary lacks it */
    public double mb(String category) {
        return committedKb.getOrDefault(category, 0L) / 1024.0;
    }

    /** @return the category's reserved MB (the Java heap's limit, for {@code Java Heap}), 0 when unknown */
    public double reservedMb(String category) {
        return reservedKb.getOrDefault(category, 0L) / 1024.0;
    }

    /** @return the total committed MB */
    public double totalMb() {
        return totalKb / 1024.0;
    }

    /** @return whether the summary had figures */
    public boolean known() {
        return totalKb > 0;
    }
}
