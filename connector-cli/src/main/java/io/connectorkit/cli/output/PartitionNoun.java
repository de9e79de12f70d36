package io.connectorkit.cli.output;

import io.connectorkit.api.SourceConnector;
import java.util.Locale;
import java.util.Objects;

/**
 * What a connector calls its partitions, in the singular and the plural, for the words of the
 * progress line, the summary, status and reset: "mailbox" and "mailboxes" for Mimecast,
 * "partition" and "partitions" for a connector that names none.
 *
 * @param one the singular, such as {@code mailbox}
 * @param many the plural, such as {@code mailboxes}
 */
public record PartitionNoun(String one, String many) {
    /** The word of a connector that names none. */
    public static final PartitionNoun DEFAULT = of("partition");

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public PartitionNoun {
        Objects.requireNonNull(one, "one");
        Objects.requireNonNull(many, "many");
    }

    /**
     * The words of a connector.
     *
     * @param connector the connector
     * @return its {@link SourceConnector#partitionNoun()} and its plural
     */
    public static PartitionNoun of(SourceConnector connector) {
        String noun = connector.partitionNoun();
        return noun == null || noun.isBlank() ? DEFAULT : of(noun);
    }

    /**
     * A singular noun and its English plural ("mailbox", "mailboxes"; "library", "libraries").
     *
     * @param singular the noun
     * @return the words
     */
    public static PartitionNoun of(String singular) {
        String one = singular.strip().toLowerCase(Locale.ROOT);
        String many;
        if (one.endsWith("s") || one.endsWith("x") || one.endsWith("z") || one.endsWith("ch") || one.endsWith("sh")) {
            many = one + "es";
        } else if (one.length() > 1 && one.endsWith("y") && "aeiou".indexOf(one.charAt(one.length() - 2)) < 0) {
            many = one.substring(0, one.length() - 1) + "ies";
        } else {
            many = one + "s";
        }
        return new PartitionNoun(one, many);
    }

    /**
     * The word for a count: the singular for 1, the plural otherwise.
     *
     * @param n the count
     * @return the word
     */
    public String count(long n) {
        return n == 1 ? one : many;
    }
}
