package io.connectorkit.testkit.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Looks for credential values in what a connector showed, and says where it found each one
 * without repeating it: a failure message is output too.
 */
final class SecretScan {
    /** Shorter values match too much by chance (a short token inside an id) to be told apart. */
    static final int MIN_LENGTH = 6;

    private final Map<String, String> credentials;
    private final List<String> leaks = new ArrayList<>();

    /**
     * Creates a scan.
     *
     * @param credentials a label naming each credential (such as {@code example.token (good)}) to its
     *     value; values shorter than {@link #MIN_LENGTH} are left out
     */
    SecretScan(Map<String, String> credentials) {
        Map<String, String> kept = new LinkedHashMap<>();
        Objects.requireNonNull(credentials, "credentials").forEach((label, value) -> {
            if (value != null && value.length() >= MIN_LENGTH) {
                kept.put(label, value);
            }
        });
        this.credentials = Map.copyOf(kept);
    }

    /**
     * Checks one thing the connector showed.
     *
     * @param where what it is, such as {@code session.toString()}
     * @param shown the text; null is nothing
     */
    void look(String where, Object shown) {
        if (shown == null) {
            return;
        }
        String text = String.valueOf(shown);
        credentials.forEach((label, value) -> {
            if (text.contains(value)) {
                synchronized (leaks) {
                    leaks.add(where + " shows the value of " + label);
                }
            }
        });
    }

    /**
     * Checks an exception: its kind, message and every cause's.
     *
     * @param where what threw
     * @param thrown the exception
     */
    void look(String where, Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            look(where + (depth == 0 ? "" : " (cause " + depth + ")"), t.toString());
            for (Throwable s : t.getSuppressed()) {
                look(where + " (suppressed)", s.toString());
            }
        }
    }

    /** @return whether there are credentials long enough to look for */
    boolean hasCredentials() {
        return !credentials.isEmpty();
    }

    /** @return where a credential was found, in order */
    List<String> leaks() {
        synchronized (leaks) {
            return List.copyOf(leaks);
        }
    }
}
