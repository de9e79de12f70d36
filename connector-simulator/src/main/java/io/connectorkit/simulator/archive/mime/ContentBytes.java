package io.connectorkit.simulator.archive.mime;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Deterministic pseudo-random bytes, for attachments of a type no real file is generated for;
 * produced in fixed-size blocks so any length streams in constant memory.
 */
final class ContentBytes {
    private static final int BLOCK = 8192;

    private ContentBytes() {
    }

    static void write(long seed, long size, OutputStream out) throws IOException {
        byte[] block = new byte[BLOCK];
        long written = 0;
        long blockNo = 0;
        while (written < size) {
            fill(seed, blockNo++, block);
            int n = (int) Math.min(BLOCK, size - written);
            out.write(block, 0, n);
            written += n;
        }
    }

    private static void fill(long seed, long blockNo, byte[] block) {
        long state = Hashing.mix(seed, blockNo);
        for (int i = 0; i < block.length; i += 8) {
            state = Hashing.next(state);
            for (int k = 0; k < 8 && i + k < block.length; k++) {
                block[i + k] = (byte) (state >>> (8 * k));
            }
        }
    }
}
