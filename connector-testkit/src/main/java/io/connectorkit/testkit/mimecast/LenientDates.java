package io.connectorkit.testkit.mimecast;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the service takes and gives them: accepts {@code Z}, {@code +0000} and {@code +00:00}
 * offsets (optionally with fractional seconds), and always writes {@code yyyy-MM-dd'T'HH:mm:ssZ}.
 */
final class LenientDates {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})");
    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LenientDates() {
    }

    static Instant parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new DateTimeParseException("expected yyyy-MM-ddTHH:mm:ss+0000", text, 0);
        }
        String offset = m.group(2);
        ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC
                : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
        return LocalDateTime.parse(m.group(1)).toInstant(zone);
    }

    static String format(Instant instant) {
        return OUT.format(instant);
    }
}
