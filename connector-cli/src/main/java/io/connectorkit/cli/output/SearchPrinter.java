package io.connectorkit.cli.output;

import io.connectorkit.runtime.SearchHit;
import io.connectorkit.runtime.SearchResults;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints search results for people: one block per hit. */
public final class SearchPrinter {
    private SearchPrinter() {
    }

    public static void print(PrintWriter out, SearchResults results) {
        out.printf("%s matching documents (%d ms)%n", ProgressLine.count(results.total()), results.tookMillis());
        int i = 1;
        for (SearchHit hit : results.hits()) {
            out.printf(Locale.ROOT, "%2d. %s  [%s, score %.2f]%n", i++, hit.title().isBlank() ? "(untitled)" : hit.title().strip(),
                    hit.kind(), hit.score());
            out.printf("    mailbox %s  id %s%n", hit.partition(), hit.id());
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
