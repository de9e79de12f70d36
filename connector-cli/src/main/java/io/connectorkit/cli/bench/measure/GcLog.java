package io.connectorkit.cli.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses of a {@code -Xlog:gc:file=F} log (the JVM's default decorations: uptime first), each
 * with the heap in use before and after it. The highest "before" is the heap's peak (the heap
 * only fills between collections); the "after" values are what stayed live, so their trend over
 * a run shows whether it accumulates memory.
 *
 * @param pauses the pauses, in order
 */
public record GcLog(List<Pause> pauses) {
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+[.,]\\d+)s].*GC\\(\\d+\\) Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * One collection pause.
     *
     * @param seconds JVM uptime at the pause
     * @param beforeMb heap in use before it
     * @param afterMb heap in use after it
     * @param committedMb heap committed
     */
    public record Pause(double seconds, long beforeMb, long afterMb, long committedMb) {
    }

    /**
     * Reads a log.
     *
     * @param file the log; a missing file has no pauses
     * @return its pauses
     * @throws IOException if the file cannot be read
     */
    public static GcLog read(Path file) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    pauses.add(new Pause(Double.parseDouble(m.group(1).replace(',', '.')),
                            Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
                }
            }
        }
        return new GcLog(List.copyOf(pauses));
    }

    /** The highest heap use seen, in MB (0 without pauses). */
    public long peakMb() {
        return pauses.stream().mapToLong(Pause::beforeMb).max().orElse(0);
    }

    /** The highest heap use left after a pause at or after {@code fromSeconds} and before {@code toSeconds}. */
    public long liveMaxMb(double fromSeconds, double toSeconds) {
        return pauses.stream().filter(p -> p.seconds() >= fromSeconds && p.seconds() < toSeconds)
                .mapToLong(Pause::afterMb).max().orElse(0);
    }

    /** The highest heap use left after any pause, in MB (0 without pauses): what the run kept live at most. */
    public long liveMaxMb() {
        return liveMaxMb(0, Double.MAX_VALUE);
    }

    /** The most heap the JVM had committed at a pause, in MB (0 without pauses). */
    public long committedMaxMb() {
        return pauses.stream().mapToLong(Pause::committedMb).max().orElse(0);
    }
}
