package io.connectorkit.mimecast.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.mimecast.MimecastConnector;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MimecastCheckpointTest {
    private static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2024-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void roundTripsDeltaTokensAndWindowsInProgress() {
        MimecastCheckpoint cp = MimecastCheckpoint.empty()
                .with("INBOX", new MimecastCheckpoint.View(FEB, null))
                .with("SENT", new MimecastCheckpoint.View(JAN, new MimecastCheckpoint.Window(JAN, MAR, "bWwy")));
        Checkpoint stored = cp.toCheckpoint();
        assertThat(stored.value()).contains("\"deltaToken\":\"2024-02-01T00:00:00Z\"").contains("\"next\":\"bWwy\"");
        assertThat(MimecastCheckpoint.parse(stored)).isEqualTo(cp);
    }

    @Test
    void missingOrUnreadableCheckpointStartsOver() {
        assertThat(MimecastCheckpoint.parse(null).views()).isEmpty();
        assertThat(MimecastCheckpoint.parse(new Checkpoint("not json")).views()).isEmpty();
        assertThat(MimecastCheckpoint.parse(new Checkpoint("{\"views\":{\"INBOX\":{\"deltaToken\":\"x\"}}}")).views())
                .isEmpty();
    }

    @Test
    void rewindMovesDeltaTokensBackAndDropsWindows() {
        MimecastCheckpoint cp = MimecastCheckpoint.empty()
                .with("INBOX", new MimecastCheckpoint.View(MAR, null))
                .with("SENT", new MimecastCheckpoint.View(JAN, new MimecastCheckpoint.Window(JAN, MAR, "t")));
        MimecastCheckpoint rewound = cp.rewind(FEB);
        assertThat(rewound.view("INBOX")).contains(new MimecastCheckpoint.View(FEB, null));
        assertThat(rewound.view("SENT")).contains(new MimecastCheckpoint.View(JAN, null));
    }

    @Test
    void rewindKeepsNeverCompletedViewsAtTheStartDate() {
        assertThat(MimecastCheckpoint.empty().rewind(FEB).view("INBOX"))
                .contains(new MimecastCheckpoint.View(null, null));
    }

    @Test
    void describesEachViewForPeople() {
        MimecastCheckpoint cp = MimecastCheckpoint.empty()
                .with("INBOX", new MimecastCheckpoint.View(FEB, null))
                .with("SENT", new MimecastCheckpoint.View(null, new MimecastCheckpoint.Window(JAN, MAR, null)));
        assertThat(cp.describe()).isEqualTo("INBOX up to 2024-02-01T00:00:00Z; SENT not crawled completely yet"
                + " (listing 2024-01-01T00:00:00Z to 2024-03-01T00:00:00Z in progress); 0 late arrivals found so far");
    }

    @Test
    void aLateWindowAndTheLateArrivalsFoundSurviveTheRoundTrip() {
        MimecastCheckpoint cp = MimecastCheckpoint.empty()
                .with("INBOX", new MimecastCheckpoint.View(MAR, new MimecastCheckpoint.Window(JAN, FEB, "t", true)))
                .plusLateArrivals(2).plusLateArrivals(1);
        MimecastCheckpoint back = MimecastCheckpoint.parse(cp.toCheckpoint());
        assertThat(back).isEqualTo(cp);
        assertThat(back.view("INBOX").orElseThrow().window().late()).isTrue();
        assertThat(back.lateArrivals()).isEqualTo(3);
        assertThat(back.describe()).contains("listing late arrivals 2024-01-01T00:00:00Z", "3 late arrivals found");
        assertThat(back.rewind(JAN).lateArrivals()).isEqualTo(3);
        assertThat(MimecastCheckpoint.parse(MimecastCheckpoint.empty().toCheckpoint()).lateArrivals()).isZero();
    }

    @Test
    void connectorRewindAndDescribeUseTheCheckpoint() {
        MimecastConnector connector = new MimecastConnector();
        Checkpoint stored = MimecastCheckpoint.empty().with("INBOX", new MimecastCheckpoint.View(MAR, null))
                .toCheckpoint();
        Checkpoint rewound = connector.rewind(stored, FEB).orElseThrow();
        assertThat(connector.describe(rewound)).startsWith("INBOX up to 2024-02-01T00:00:00Z");
    }
}
