package io.connectorkit.mimecast;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.connectorkit.api.Checkpoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

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
record MimecastCheckpoint(Map<String, View> views, long lateArrivals) {
    private static final Gson GSON = new Gson();

    /**
     * One view's position.
     *
     * @param deltaToken end of the last complete window, or null before the first one completes
     * @param window the window being listed, or null
     */
    record View(Instant deltaToken, Window window) { }

    /**
     * A window being listed.
     *
     * @param start the window's start
     * @param end the window's end
     * @param next the token of the next page of this window's query, or null to start it over
     * @param late whether this is the late-arrival part, listed again before the delta token
     */
    record Window(Instant start, Instant end, String next, boolean late) {
        Window(Instant start, Instant end, String next) {
            this(start, end, next, false);
        }
    }

    MimecastCheckpoint {
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

    Optional<View> view(String name) {
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
    static MimecastCheckpoint parse(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.value().isBlank()) {
            return empty();
        }
        try {
            JsonObject root = JsonParser.parseString(checkpoint.value()).getAsJsonObject();
            Map<String, View> views = new LinkedHashMap<>();
            MimecastJson.object(root, "views").ifPresent(v -> v.entrySet().forEach(e -> {
                JsonObject o = e.getValue().getAsJsonObject();
                Instant delta = MimecastJson.string(o, "deltaToken").map(Instant::parse).orElse(null);
                Window w = MimecastJson.object(o, "window").map(x -> new Window(
                        Instant.parse(MimecastJson.string(x, "start").orElseThrow()),
                        Instant.parse(MimecastJson.string(x, "end").orElseThrow()),
                        MimecastJson.string(x, "next").orElse(null),
                        x.has("late") && x.get("late").getAsBoolean())).orElse(null);
                views.put(e.getKey(), new View(delta, w));
            }));
            long late = root.has("lateArrivals") ? root.get("lateArrivals").getAsLong() : 0;
            return new MimecastCheckpoint(views, Math.max(0, late));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException
                | java.time.format.DateTimeParseException
                | java.util.NoSuchElementException e) {
            return empty();
        }
    }

    Checkpoint toCheckpoint() {
        JsonObject root = new JsonObject();
        JsonObject vs = new JsonObject();
        views.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            JsonObject o = new JsonObject();
            if (e.getValue().deltaToken() != null) {
                o.addProperty("deltaToken", e.getValue().deltaToken().toString());
            }
            Window w = e.getValue().window();
            if (w != null) {
                JsonObject wo = new JsonObject();
                wo.addProperty("start", w.start().toString());
                wo.addProperty("end", w.end().toString());
                if (w.next() != null) {
                    wo.addProperty("next", w.next());
                }
                if (w.late()) {
                    wo.addProperty("late", true);
                }
                o.add("window", wo);
            }
            vs.add(e.getKey(), o);
        });
        root.add("views", vs);
        if (lateArrivals > 0) {
            root.addProperty("lateArrivals", lateArrivals);
        }
        return new Checkpoint(GSON.toJson(root));
    }

    /**
     * The position rewound so that the next incremental crawl lists again from {@code to}.
     *
     * @param to the date to rewind to
     * @return the rewound position; windows in progress are dropped, and a view never listed
     *     completely still starts at the start date
     */
    MimecastCheckpoint rewind(Instant to) {
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
    String describe() {
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
