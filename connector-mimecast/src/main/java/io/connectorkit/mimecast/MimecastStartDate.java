package io.connectorkit.mimecast;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The check of {@code mimecast.messages.start-date}: a start date after now would make every
 * window end before it starts, so a crawl would list nothing and index nothing while looking
 * successful. Refused when the configuration is validated; the reader also never lets a window
 * that lies wholly in the future advance a delta token, since the clock moves after validation.
 */
final class MimecastStartDate {
    private MimecastStartDate() {
    }

    /**
     * Checks a start date against the system clock.
     *
     * @param value the configured value, already known to be a date or an instant
     * @return {@code null} for a date not after now, else what is wrong and the fix
     */
    static String problem(String value) {
        return problem(value, Clock.systemUTC());
    }

    static String problem(String value, Clock clock) {
        Instant start = parse(value);
        Instant now = clock.instant();
        if (start == null || !start.isAfter(now)) {
            return null;
        }
        return "the start date is after now (" + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "), so a crawl would list no message; set the earliest date of the mail to crawl, such as"
                + " 2020-01-01";
    }

    private static Instant parse(String value) {
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
