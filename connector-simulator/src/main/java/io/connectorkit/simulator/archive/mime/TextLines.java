package io.connectorkit.simulator.archive.mime;

import java.util.SplittableRandom;

/**
 * Readable, deterministic text for generated attachments: lines of words from a fixed vocabulary,
 * drawn from a seed. The first line is the attachment's headline, so a search for one of its
 * words finds the attachment. Only lowercase ASCII letters and spaces, so the text needs no
 * escaping in XML, CSV, HTML or PDF strings and its length in bytes equals its length in chars.
 */
public final class TextLines {
    private static final String[] WORDS = {"account", "agenda", "analysis", "annual", "approval", "archive",
        "asset", "audit", "balance", "board", "budget", "calendar", "campaign", "capital", "client", "compliance",
        "contract", "customer", "deadline", "delivery", "department", "deposit", "design", "draft", "estimate",
        "expense", "export", "finance", "forecast", "freight", "harbour", "headcount", "import", "insurance",
        "inventory", "invoice", "journal", "ledger", "legal", "logistics", "margin", "market", "meeting",
        "memo", "merger", "milestone", "minutes", "network", "notice", "office", "onboarding", "order", "partner",
        "payment", "payroll", "pension", "pipeline", "policy", "portfolio", "pricing", "procurement", "product",
        "project", "proposal", "quarterly", "receipt", "recruiting", "refund", "region", "renewal", "report",
        "request", "research", "revenue", "review", "risk", "roadmap", "salary", "schedule", "security",
        "settlement", "shipment", "signature", "strategy", "summary", "supplier", "survey", "tariff", "taxation",
        "tender", "timeline", "training", "transfer", "travel", "treasury", "update", "vendor", "warehouse",
        "warranty", "workshop", "amber", "basalt", "cobalt", "delta", "ember", "falcon", "garnet", "helix",
        "indigo", "juniper", "kestrel", "lumen", "marble", "nebula", "onyx", "prism", "quartz", "raven",
        "sierra", "tundra", "umber", "vertex", "willow", "zephyr"};
    private static final int HEADLINE_WORDS = 6;
    private static final String[] LINES = lines(4096);

    private final SplittableRandom rng;
    private String pending;

    TextLines(long seed) {
        this.rng = new SplittableRandom(seed);
        this.pending = headline(seed);
    }

    /** The first line of every attachment generated from this seed: six words, at most 71 chars. */
    public static String headline(long seed) {
        SplittableRandom words = new SplittableRandom(Hashing.mix(seed, 0x4EAD));
        StringBuilder line = new StringBuilder(72);
        for (int i = 0; i < HEADLINE_WORDS; i++) {
            line.append(i == 0 ? "" : " ").append(WORDS[words.nextInt(WORDS.length)]);
        }
        return line.toString();
    }

    /** The next line: the headline first, then 40 to 75 characters of words. */
    String next() {
        if (pending != null) {
            String line = pending;
            pending = null;
            return line;
        }
        return LINES[rng.nextInt(LINES.length)];
    }

    /**
     * Lines of words drawn once from a fixed seed. Documents pick from them rather than draw
     * every word, which makes a 500 MB attachment several times faster to generate.
     */
    private static String[] lines(int count) {
        SplittableRandom words = new SplittableRandom(0x7E47_11E5L);
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            int target = 40 + words.nextInt(36);
            StringBuilder line = new StringBuilder(target + 12);
            while (line.length() < target) {
                String word = WORDS[words.nextInt(WORDS.length)];
                if (line.length() + 1 + word.length() > 75) {
                    break;
                }
                line.append(line.length() == 0 ? "" : " ").append(word);
            }
            lines[i] = line.toString();
        }
        return lines;
    }

    /** Gives a line back, so that {@link #fill} starts with it. */
    void unread(String line) {
        pending = line;
    }

    /** Exactly {@code length} characters of words (the last one possibly cut). */
    String fill(int length) {
        StringBuilder text = new StringBuilder(length + 80);
        while (text.length() < length) {
            text.append(text.length() == 0 ? "" : " ").append(next());
        }
        text.setLength(length);
        return text.toString();
    }
}
