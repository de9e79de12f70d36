package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MimecastDatesTest {
    private static final Instant T = Instant.parse("2024-01-15T09:12:44Z");

    @Test
    void requestsUseTheDocumentedOffsetForm() {
        assertThat(MimecastDates.format(T)).isEqualTo("2024-01-15T09:12:44+0000");
    }

    @Test
    void readsEveryOffsetSpelling() {
        assertThat(MimecastDates.parse("2024-01-15T09:12:44+0000")).contains(T);
        assertThat(MimecastDates.parse("2024-01-15T09:12:44Z")).contains(T);
        assertThat(MimecastDates.parse("2024-01-15T09:12:44+00:00")).contains(T);
        assertThat(MimecastDates.parse("2024-01-15T10:12:44+0100")).contains(T);
        assertThat(MimecastDates.parse("2024-01-15T09:12:44.000Z")).contains(T);
    }

    @Test
    void blankOrGarbageIsEmpty() {
        assertThat(MimecastDates.parse(null)).isEmpty();
        assertThat(MimecastDates.parse(" ")).isEmpty();
        assertThat(MimecastDates.parse("yesterday")).isEmpty();
    }

    @Test
    void roundTrips() {
        assertThat(MimecastDates.parse(MimecastDates.format(T))).contains(T);
    }
}
