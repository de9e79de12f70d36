package io.connectorkit.mimecast.content;

import io.connectorkit.mimecast.MimecastDates;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Date} header the way mail in the wild writes it: RFC 5322 and the obsolete
 * RFC 822 forms. The day name is optional; a two-digit year is 20xx below 50 and 19xx from 50
 * (RFC 5322 section 4.3), a three-digit year is added to 1900; seconds are optional; the zone is
 * {@code +hhmm}, {@code +hh:mm}, {@code UT}, {@code GMT}, {@code Z} or a US zone name, and a
 * missing or unknown zone is taken as UTC. Anything else (ISO 8601 aside) is not a date.
 */
public final class MimecastMailDate {
    private static final Pattern DATE = Pattern.compile("^(?:[a-z]+\\.?\\s*,?\\s*)?(\\d{1,2})[\\s-]+([a-z]{3})[a-z]*\\.?"
            + "[\\s-]+(\\d{2,4}),?\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("^([+-])(\\d{2}):?(\\d{2})\\b.*");
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("UT", 0), Map.entry("UTC", 0),
            Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6),
            Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8),
            Map.entry("PDT", -7));
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private MimecastMailDate() {
    }

    /**
     * Parses a header value.
     *
     * @param raw the unfolded value, comments allowed
     * @return the instant, or empty when it is not a date
     */
    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        // Possessive and free of '(' so that a header of a thousand unclosed '(' stays linear work.
        String t = raw.replaceAll("\\([^()]*+\\)", " ").trim().replaceAll("\\s+", " ");
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            return MimecastDates.parse(t);
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month / 3 + 1, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(local.toInstant(offset(m.group(7))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String zone) {
        Matcher m = OFFSET.matcher(zone);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = Integer.parseInt(m.group(3));
            if (hours <= 18 && minutes < 60) {
                int seconds = (hours * 3600 + minutes * 60) * (m.group(1).equals("-") ? -1 : 1);
                return ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, seconds)));
            }
            return ZoneOffset.UTC;
        }
        String name = zone.split(" ")[0].toUpperCase(Locale.ROOT);
        return ZoneOffset.ofHours(ZONES.getOrDefault(name, 0));
    }
}
