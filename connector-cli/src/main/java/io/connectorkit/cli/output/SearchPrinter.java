package io.connectorkit.cli.output;

import io.connectorkit.runtime.SearchHit;
import io.connectorkit.runtime.SearchResults;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints search results for people: one block per hit. */
public final class SearchPrinter {
    private SearchPrinter() {
    }

    /**
     * Prints the hits, each with its partition named as a partition.
     *
     * @param out where to print
     * @param results the hits
     */
    public static void print(PrintWriter out, SearchResults results) {
        print(out, results, PartitionNoun.DEFAULT);
    }

    /**
     * Prints the hits, each with its partition named in the connector's word.
     *
     * @param out where to print
     * @param results the hits
     * @param noun what the connector calls its partitions
     */
    public static void print(PrintWriter out, SearchResults results, PartitionNoun noun) {
        out.printf("%s matching documents (%d ms)%n", ProgressLine.count(results.total()), results.tookMillis());
        int i = 1;
        for (SearchHit hit : results.hits()) {
            out.printf(Locale.ROOT, "%2d. %s  [%s, score %.2f]%n", i++, hit.title().isBlank() ? "(untitled)" : hit.title().strip(),
                    hit.kind(), hit.score());
            out.printf("    %s %s  id %s%n", noun.one(), hit.partition(), hit.id());
            Object from = hit.fields().get("from");
            Object date = hit.fields().get("date");
            if (from != null || date != null) {
                // Stripped: a hit without a date would end in the separator's spaces.
                out.println(("    " + (from == null ? "" : "from " + from + "  ") + (date == null ? "" : "date " + date))
                        .stripTrailing());
            }
        }
    }
}
