package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Matches an administrator's regex against text that a sender chose (a subject, an attachment
 * name) within a time bound. Java's regexes backtrack, so a pattern such as {@code ^(a|a){1,100}$} can
 * take hours on a crafted subject of a hundred characters; one such message must not stall a
 * crawl. The text is read through a view that looks at the clock every few thousand characters
 * the matcher reads and gives up past the bound, which the caller records as an item failure.
 */
public final class MimecastBoundedMatch {
    /** How long one match may take; ordinary rules on ordinary text need microseconds. */
    static final Duration LIMIT = Duration.ofSeconds(1);
    private static final int CHECK_EVERY = 4096;

    private MimecastBoundedMatch() {
    }

    /**
     * Whether the pattern is found in the text, within {@link #LIMIT}.
     *
     * @param pattern the rule
     * @param text the sender's text
     * @param key the key the rule comes from, for the message
     * @param what what the text is, such as "the subject", for the message
     * @return whether the rule matches anywhere in the text
     * @throws ConnectorException PERMANENT when the match runs past the bound
     */
    public static boolean find(Pattern pattern, String text, String key, String what) throws ConnectorException {
        return find(pattern, text, key, what, LIMIT);
    }

    public static boolean find(Pattern pattern, String text, String key, String what, Duration limit)
            throws ConnectorException {
        requireNonNull(pattern, "pattern");
        requireNonNull(text, "text");
        Deadline deadline = new Deadline(text, System.nanoTime() + limit.toNanos());
        try {
            return pattern.matcher(deadline).find();
        } catch (Overrun e) {
            throw new ConnectorException(ErrorKind.PERMANENT, key + " = " + pattern.pattern() + " took more than "
                    + limit.toMillis() + " ms on " + what + " (" + text.length() + " characters) and was stopped, so"
                    + " the rule could not be applied; the regex backtracks on this text: remove nested or"
                    + " overlapping repetitions such as (a+){2,50} or (a|a){1,100} from it");
        }
    }

    /** Thrown from inside the matcher, which offers no other way out. */
    private static final class Overrun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overrun() {
            super("regex match over its time bound", null, false, false);
        }
    }

    /** The text, read by the matcher one character at a time; the reads are counted. */
    private static final class Deadline implements CharSequence {
        private final String text;
        private final long deadlineNanos;
        private int reads;

        Deadline(String text, long deadlineNanos) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= CHECK_EVERY) {
                reads = 0;
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new Overrun();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
