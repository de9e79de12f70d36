package io.connectorkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.FailedItem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrawlSummaryTest {
    private static CrawlReport report(long count, List<FailedItem> named) {
        return new CrawlReport(2, 2, 0, 10, 0, count, 0, null, List.of(), List.of(), List.of(), false, null, null,
                Duration.ofSeconds(3), Map.of(), named);
    }

    private static String print(CrawlReport report) {
        StringWriter text = new StringWriter();
        CrawlSummary.print(new PrintWriter(text), report, -1, s -> s.replace("hunter2", "****"),
                "connector status --config c.properties");
        return text.toString();
    }

    @Test
    void namesEachFailedItemOnItsOwnLineAndCountsTheRest() {
        List<FailedItem> named = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            named.add(new FailedItem("alice@example.com", ItemFailure.of("eNoMSG" + i, ErrorKind.PERMANENT,
                    "message eNoMSG" + i + " failed:\nerr_x with secret hunter2")));
        }
        String out = print(report(25, named));
        assertThat(out).contains("  failures     25 items\n",
                "    eNoMSG0 in alice@example.com: message eNoMSG0 failed: err_x with secret ****\n",
                "    eNoMSG19 in alice@example.com: ",
                "    and 5 more; 'connector status --config c.properties' lists them\n");
        assertThat(out).doesNotContain("hunter2");
    }

    @Test
    void namesNothingWithoutFailures() {
        String out = print(report(0, List.of()));
        assertThat(out).contains("  failures     0 items\n").doesNotContain(" more; ");
    }
}
