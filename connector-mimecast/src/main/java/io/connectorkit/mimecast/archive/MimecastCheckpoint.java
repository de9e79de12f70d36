package io.connectorkit.mimecast.archive;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.connectorkit.api.Checkpoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A mailbox's position, per view ({@code INBOX}, {@code SENT}): the delta token (the end of the
 * last window listed completely) and, while a window is being listed, that window and the
 * token of its next page. A window marked {@code late} is the late-arrival part of an
 * incremental crawl, listed again before the delta token; it never moves the delta token. The
 * mailbox also counts the late arrivals found so far. Serialised as small JSON:
 * <pre>{"views":{"INBOX":{"deltaToken":"2024-02-01T00:00:00Z",
 *   "window":{"start":"...","end":"...","next":"bWwy","late":true}}},"lateArrivals":3}</pre>
 *
 * @param views view name to its position; immutable
 * @param lateArrivals messages indexed so far that the late-arrival window found
 */
public record MimecastCheckpoint(Map<String, View> views, long lateArrivals) {
    private static final Gson GSON = new Gson();

    /**
     * One view's position.
     *
     * @param deltaToken end of the last complete window, or null before the first one completes
     * @param window the window being listed, or null
     */
    public record View(Instant deltaToken, Window window) { }

    /**
     * A window being listed.
     *
     * @param start the window's start
     * @param end the window's end
     * @param next the token of the next page of this window's query, or null to start it over
     * @param late whether this is the late-arrival part, listed again before the delta token
     */
    public record Window(Instant start, Instant end, String next, boolean late) {
        Window(Instant start, Instant end, String next) {
            this(start, end, next, false);
        }
    }

    public MimecastCheckpoint {
        views = Map.copyOf(views);
    }

    MimecastCheckpoint(Map<String, View> views) {
        this(views, 0);
    }

    static MimecastCheckpoint empty() {
        return new MimecastCheckpoint(Map.of());
    }

    /**
     * The same position with more late arrivals counted.
     *
     * @param found late arrivals just indexed
     * @return the position
     */
    MimecastCheckpoint plusLateArrivals(long found) {
        return found == 0 ? this : new MimecastCheckpoint(views, lateArrivals + found);
    }

    public Optional<View> view(String name) {
        return Optional.ofNullable(views.get(name));
    }

    MimecastCheckpoint with(String name, View view) {
        Map<String, View> copy = new LinkedHashMap<>(views);
        copy.put(name, view);
        return new MimecastCheckpoint(copy, lateArrivals);
    }

    /**
     * Reads a checkpoint; a missing or unreadable one is empty (the mailbox starts over).
     *
     * @param checkpoint the stored checkpoint, or null
     * @return the position
     */
    public static MimecastCheckpoint parse(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.value().isBlank()) {
            return empty();
        }
        try {
            Stored stored = GSON.fromJson(checkpoint.value(), Stored.class);
            if (stored == null) {
                return empty();
            }
            Map<String, View> views = new LinkedHashMap<>();
            if (stored.views() != null) {
                stored.views().forEach((name, v) -> {
                    StoredWindow w = Objects.requireNonNull(v, "view").window();
                    views.put(name, new View(v.deltaToken() == null ? null : Instant.parse(v.deltaToken()),
                            w == null ? null : new Window(Instant.parse(w.start()), Instant.parse(w.end()), w.next(),
                                    Boolean.TRUE.equals(w.late()))));
                });
            }
            long late = stored.lateArrivals() == null ? 0 : stored.lateArrivals();
            return new MimecastCheckpoint(views, Math.max(0, late));
        } catch (JsonParseException | NullPointerException | DateTimeParseException e) {
            return empty();
        }
    }

    public Checkpoint toCheckpoint() {
        Map<String, StoredView> stored = new TreeMap<>();
        views.forEach((name, v) -> {
            Window w = v.window();
            stored.put(name, new StoredView(v.deltaToken() == null ? null : v.deltaToken().toString(),
                    w == null ? null : new StoredWindow(w.start().toString(), w.end().toString(), w.next(),
                            w.late() ? Boolean.TRUE : null)));
        });
        return new Checkpoint(GSON.toJson(new Stored(stored, lateArrivals > 0 ? lateArrivals : null)));
    }

    // The stored form: Gson leaves out null components, so absent parts stay absent.
    private record Stored(Map<String, StoredView> views, Long lateArrivals) { }

    private record StoredView(String deltaToken, StoredWindow window) { }

    private record StoredWindow(String start, String end, String next, Boolean late) { }

    /**
     * The position rewound so that the next incremental crawl lists again from {@code to}.
     *
     * @param to the date to rewind to
     * @return the rewound position; windows in progress are dropped, and a view never listed
     *     completely still starts at the start date
     */
    public MimecastCheckpoint rewind(Instant to) {
        Map<String, View> out = new LinkedHashMap<>();
        for (String name : MimecastMessageReader.VIEWS) {
            View v = views.get(name);
            Instant current = v == null ? null : v.deltaToken();
            out.put(name, new View(current == null ? null : current.isAfter(to) ? to : current, null));
        }
        return new MimecastCheckpoint(out, lateArrivals);
    }

    /**
     * @return such as "INBOX up to 2024-02-01T00:00:00Z; SENT not crawled yet; 3 late arrivals found
     *     so far"
     */
    public String describe() {
        StringJoiner j = new StringJoiner("; ");
        for (String name : MimecastMessageReader.VIEWS) {
            View v = views.get(name);
            String s = name + (v == null || v.deltaToken() == null ? " not crawled completely yet"
                    : " up to " + v.deltaToken());
            if (v != null && v.window() != null) {
                s += " (listing " + (v.window().late() ? "late arrivals " : "") + v.window().start() + " to "
                        + v.window().end() + " in progress)";
            }
            j.add(s);
        }
        j.add(lateArrivals + " late arrival" + (lateArrivals == 1 ? "" : "s") + " found so far");
        return j.toString();
    }
}
