package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link Host#rewind} did to each partition it matched.
 *
 * @param rewound partitions whose checkpoint moved back, so the next crawl reads again
 * @param unchanged partitions left as they were: their checkpoint was already at or before the
 *     point asked for (or they had none)
 */
public record ResetOutcome(List<String> rewound, List<String> unchanged) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is {@code null}
     */
    public ResetOutcome {
        rewound = List.copyOf(requireNonNull(rewound, "rewound"));
        unchanged = List.copyOf(requireNonNull(unchanged, "unchanged"));
    }

    /** @return how many partitions matched, rewound or not */
    public int matched() {
        return rewound.size() + unchanged.size();
    }
}
