package io.connectorkit.simulator.mimecast.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the service takes and gives them: accepts {@code Z}, {@code +0000} and {@code +00:00}
 * offsets (optionally with fractional seconds), and always writes {@code yyyy-MM-dd'T'HH:mm:ssZ}.
 */
public final class LenientDates {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})");

    private LenientDates() {
    }

    public static Instant parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new DateTimeParseException("expected yyyy-MM-ddTHH:mm:ss+0000", text, 0);
        }
        String offset = m.group(2);
        ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC
                : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
        return LocalDateTime.parse(m.group(1)).toInstant(zone);
    }

    public static String format(Instant instant) {
        // Hand-formatted: it runs for every listed row.
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(24).append(t.getYear()).append('-');
        two(s, t.getMonthValue()).append('-');
        two(s, t.getDayOfMonth()).append('T');
        two(s, t.getHour()).append(':');
        two(s, t.getMinute()).append(':');
        return two(s, t.getSecond()).append("+0000").toString();
    }

    private static StringBuilder two(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
