package io.connectorkit.mimecast.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MimecastMailDateTest {
    private static Optional<Instant> parse(String text) {
        return MimecastMailDate.parse(text);
    }

    @Test
    void readsRfc5322AndItsObsoleteForms() {
        assertThat(parse("Mon, 15 Jan 2024 09:12:40 +0000")).contains(Instant.parse("2024-01-15T09:12:40Z"));
        assertThat(parse("15 Jan 2024 09:12 +0100 (CET)")).contains(Instant.parse("2024-01-15T08:12:00Z"));
        assertThat(parse("Fri, 13 Feb 98 23:31:30 -0500")).contains(Instant.parse("1998-02-14T04:31:30Z"));
        assertThat(parse("Sat, 1 Mar 03 10:00:00 GMT")).contains(Instant.parse("2003-03-01T10:00:00Z"));
        assertThat(parse("Sat, 1 Mar 103 10:00:00 EST")).contains(Instant.parse("2003-03-01T15:00:00Z"));
        assertThat(parse("Tuesday, 01-Jul-2003 10:52:37 PDT")).contains(Instant.parse("2003-07-01T17:52:37Z"));
        assertThat(parse("2024-01-15T09:12:40Z")).contains(Instant.parse("2024-01-15T09:12:40Z"));
    }

    @Test
    void aMissingOrUnknownZoneIsUtc() {
        assertThat(parse("Tue, 1 Jul 2003 10:52:37")).contains(Instant.parse("2003-07-01T10:52:37Z"));
        assertThat(parse("Tue, 1 Jul 2003 10:52:37 J")).contains(Instant.parse("2003-07-01T10:52:37Z"));
    }

    @Test
    void garbageIsNoDate() {
        assertThat(parse("sometime last tuesday")).isEmpty();
        assertThat(parse("Tue, 31 Feb 2003 10:52:37 +0000")).isEmpty();
        assertThat(parse("Tue, 1 Foo 2003 10:52:37 +0000")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse(null)).isEmpty();
        assertThat(parse("(".repeat(200_000) + "Mon, 15 Jan 2024 09:12:40 +0000")).isEmpty();
    }
}
