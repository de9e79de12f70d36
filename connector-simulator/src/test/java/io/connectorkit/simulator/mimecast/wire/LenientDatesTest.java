package io.connectorkit.simulator.mimecast.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class LenientDatesTest {
    @Test
    void readsEveryOffsetFormAndWritesPlusZeroZeroZeroZero() {
        Instant expected = Instant.parse("2015-11-16T14:49:18Z");
        for (String text : new String[] {"2015-11-16T14:49:18Z", "2015-11-16T14:49:18+0000", "2015-11-16T14:49:18+00:00",
                "2015-11-16T15:49:18+0100", "2015-11-16T09:49:18-05:00", "2015-11-16T14:49:18.000Z"}) {
            assertThat(LenientDates.parse(text)).as(text).isEqualTo(expected);
        }
        assertThat(LenientDates.format(expected)).isEqualTo("2015-11-16T14:49:18+0000");
        assertThat(LenientDates.format(Instant.parse("2024-01-05T03:04:05Z"))).isEqualTo("2024-01-05T03:04:05+0000");
        assertThatThrownBy(() -> LenientDates.parse("2015-11-16")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> LenientDates.parse("16/11/2015 14:49")).isInstanceOf(DateTimeParseException.class);
    }
}
