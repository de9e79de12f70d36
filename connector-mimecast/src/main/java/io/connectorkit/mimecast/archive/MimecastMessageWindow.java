package io.connectorkit.mimecast.archive;

import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The received times a crawl lists: from {@code mimecast.messages.start-date} up to
 * {@code mimecast.messages.end-date} (inclusive, or now), and for incremental crawls the
 * late-arrival window, {@code mimecast.messages.late-arrival-days} before the crawl, that every
 * incremental crawl lists again because mail reaches the archive after its received time.
 */
public final class MimecastMessageWindow {
    /** The most days the late-arrival window may span (ten years). */
    static final long MAX_LATE_ARRIVAL_DAYS = 3_650;
    /**
     * Page size of the late-arrival part of a listing: the largest {@code get-message-list}
     * takes. That part holds mostly messages the index has, so few calls list it.
     */
    static final int LATE_PAGE_SIZE = 500;

    private MimecastMessageWindow() {
    }

    /**
     * Checks a {@code mimecast.messages.late-arrival-days} value.
     *
     * @param value a whole number
     * @return {@code null} when good, else what is wrong and the fix
     */
    public static String lateArrivalProblem(String value) {
        long days;
        try {
            days = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null; // the type check says it
        }
        if (days < 0) {
            return "a negative number of days would list nothing again; set 0 to turn the late-arrival window"
                    + " off, or the days mail may take to reach the archive, such as 14 (the default)";
        }
        if (days > MAX_LATE_ARRIVAL_DAYS) {
            return "more than " + MAX_LATE_ARRIVAL_DAYS + " days would re-list years of mail on every crawl; set"
                    + " the days mail may take to reach the archive, such as 14 (the default)";
        }
        return null;
    }

    /**
     * The checks that need more than one key: an end date before the start date.
     *
     * @param config a configuration whose keys are each valid
     * @return the problems; empty when there is none
     */
    public static List<ConfigProblem> problems(SourceConfig config) {
        Optional<Instant> end = config.getInstant(MimecastKeys.END_DATE);
        Optional<Instant> start = config.getInstant(MimecastKeys.START_DATE);
        if (end.isPresent() && start.isPresent() && end.get().isBefore(start.get())) {
            return List.of(new ConfigProblem(MimecastKeys.END_DATE, config.getString(MimecastKeys.END_DATE),
                    "the end date is before " + MimecastKeys.START_DATE + " (" + config.getString(MimecastKeys.START_DATE)
                            + "), so no message could be crawled; set an end date after the start date, or leave it"
                            + " blank for no end"));
        }
        return List.of();
    }

    /**
     * The exclusive upper bound of received times to list: the end date's next second (received
     * times are whole seconds, and a message received at the end date is crawled), else none.
     *
     * @param messages the message rules
     * @return the bound, or empty for no end
     */
    public static Optional<Instant> bound(MimecastConfig.Messages messages) {
        return messages.endDate().map(e -> e.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    /**
     * The earlier of a window end and the bound.
     *
     * @param end a window's end
     * @param messages the message rules
     * @return the end, no later than the end date allows
     */
    static Instant capped(Instant end, MimecastConfig.Messages messages) {
        return bound(messages).filter(b -> b.isBefore(end)).orElse(end);
    }

    /**
     * The preview's line on the message window.
     *
     * @param messages the message rules
     * @param now the current time
     * @return one decision of kind {@code window}
     */
    public static ScopeDecision decision(MimecastConfig.Messages messages, Instant now) {
        String end = messages.endDate().map(e -> "up to " + e + " inclusive").orElse("up to each crawl's start (no end"
                + " date)");
        Duration late = messages.lateArrival();
        String relist;
        if (messages.ignoreDeltaTokens()) {
            relist = "every crawl lists everything from the start date (ignore-delta-tokens)";
        } else if (late.isZero()) {
            relist = "incremental crawls list from the delta token on only (late-arrival window off)";
        } else {
            Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(late);
            relist = "each incremental crawl also lists again the last " + late.toDays() + " days (a crawl now: from "
                    + (from.isBefore(messages.startDate()) ? messages.startDate() : from) + ") for late arrivals";
        }
        return ScopeDecision.included("window", "messages received from " + messages.startDate() + " " + end + "; "
                + relist, MimecastKeys.START_DATE + ", " + MimecastKeys.END_DATE + ", "
                + MimecastKeys.LATE_ARRIVAL_DAYS);
    }
}
