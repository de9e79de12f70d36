package io.connectorkit.testkit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic attachment bytes: text (readable words and line breaks) or binary (a
 * pseudo-random stream), produced in fixed-size blocks so any length streams in constant memory.
 */
final class ContentBytes {
    private static final int BLOCK = 8192;
    private static final byte[] WORDS = ("lorem ipsum archive quarterly report budget meeting invoice "
            + "contract review draft final approved pending shipment forecast summary notes\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private ContentBytes() {
    }

    static void write(long seed, long size, boolean text, OutputStream out) throws IOException {
        byte[] block = new byte[BLOCK];
        long written = 0;
        long blockNo = 0;
        while (written < size) {
            fill(seed, blockNo++, text, block);
            int n = (int) Math.min(BLOCK, size - written);
            out.write(block, 0, n);
            written += n;
        }
    }

    static InputStream open(long seed, long size, boolean text) {
        return new InputStream() {
            private final byte[] block = new byte[BLOCK];
            private long position;
            private long filledBlock = -1;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                long blockNo = position / BLOCK;
                if (blockNo != filledBlock) {
                    fill(seed, blockNo, text, block);
                    filledBlock = blockNo;
                }
                int inBlock = (int) (position % BLOCK);
                int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
                System.arraycopy(block, inBlock, b, off, n);
                position += n;
                return n;
            }
        };
    }

    static String sha256(long seed, long size, boolean text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[BLOCK];
            long done = 0;
            long blockNo = 0;
            while (done < size) {
                fill(seed, blockNo++, text, block);
                int n = (int) Math.min(BLOCK, size - done);
                digest.update(block, 0, n);
                done += n;
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void fill(long seed, long blockNo, boolean text, byte[] block) {
        long state = Hashing.mix(seed, blockNo);
        if (text) {
            int offset = Math.floorMod(state, WORDS.length);
            for (int i = 0; i < block.length; i++) {
                block[i] = WORDS[(offset + i) % WORDS.length];
            }
            return;
        }
        for (int i = 0; i < block.length; i += 8) {
            state = Hashing.next(state);
            for (int k = 0; k < 8 && i + k < block.length; k++) {
                block[i + k] = (byte) (state >>> (8 * k));
            }
        }
    }
}
