package io.connectorkit.mimecast;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Mimecast date texts. Requests use the documented {@code yyyy-MM-dd'T'HH:mm:ssZ} form with an
 * explicit {@code +0000}; responses are read leniently ({@code Z}, {@code +0000}, {@code +00:00},
 * with or without fractions of a second), since clients and fixtures show all three.
 */
public final class MimecastDates {
    private static final DateTimeFormatter REQUEST =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private MimecastDates() {
    }

    /**
     * Formats an instant for a request.
     *
     * @param instant the instant
     * @return such as {@code 2024-01-15T09:12:44+0000}
     */
    public static String format(Instant instant) {
        return REQUEST.format(instant);
    }

    /**
     * Reads a date from a response.
     *
     * @param text the text, possibly null or blank
     * @return the instant, or empty when the text is missing or not a date
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(t, LENIENT).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException e2) {
                try {
                    return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException e3) {
                    return Optional.empty();
                }
            }
        }
    }
}
