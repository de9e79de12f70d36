package io.connectorkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of a command's output: its lines and their words, without the numbers that change
 * from run to run (counts, ports, durations, times of day, ids). A transcript in the docs and a
 * real run have the same shape when the docs show the output as it is.
 */
final class TranscriptShape {
    /** A search hit: its title line, its mailbox and id, and an email's sender. */
    private static final Pattern HIT = Pattern.compile(
            " ?\\d+\\. .*  \\[(email|attachment), score [0-9.]+\\]|    mailbox \\S+  id \\S+|    from \\[.*\\]");
    private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ms|h|m|s))+\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");
    /** What the docs write for lines left out: any number of lines of the same shape as around it. */
    static final String LEFT_OUT = "[...]";

    private TranscriptShape() {
    }

    /**
     * The shape of some lines: each line normalised, the hits of a search as one {@code <hits>}
     * line, and runs of lines of one shape (progress lines, say) as one line.
     *
     * @param lines the output, line by line
     * @return the normalised lines
     */
    static List<String> of(List<String> lines) {
        List<String> shape = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.stripTrailing();
            if (stripped.equals(LEFT_OUT)) {
                continue;
            }
            String normal = HIT.matcher(stripped).matches() ? "<hits>" : normalise(stripped);
            if (shape.isEmpty() || !shape.get(shape.size() - 1).equals(normal)) {
                shape.add(normal);
            }
        }
        return shape;
    }

    static String normalise(String line) {
        String s = DURATION.matcher(line).replaceAll("<duration>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        // Before the first figures the ETA is unknown; waits on rate limits add their time when there are any.
        return s.replace("ETA ?", "ETA <duration>").replaceAll("rate-limit waits <n> \\(<duration> summed\\)",
                "rate-limit waits <n>");
    }
}
