package io.connectorkit.simulator.archive.mime;

/** SplitMix64 mixing: the only source of "randomness" in the generator, so everything is repeatable. */
public final class Hashing {
    private Hashing() {
    }

    public static long next(long state) {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long mix(long... values) {
        long h = 0x51AF_D7ED_558C_CD1DL;
        for (long v : values) {
            h = next(h ^ v);
        }
        return h;
    }

    public static long mix(String text, long seed) {
        long h = seed;
        for (int i = 0; i < text.length(); i++) {
            h = next(h ^ text.charAt(i));
        }
        return h;
    }
}
