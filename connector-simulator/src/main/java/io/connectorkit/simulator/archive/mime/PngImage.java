package io.connectorkit.simulator.archive.mime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A valid PNG of an exact size: a 16x16 RGB gradient whose colours come from the seed, stored
 * uncompressed (so the bytes never depend on a zlib version), then {@code tEXt} "Comment" chunks
 * of words (the headline first) that pad the file to the requested size, one chunk of at most
 * 64 KiB at a time.
 */
final class PngImage {
    private static final int SIDE = 16;
    private static final int ROW = 1 + 3 * SIDE;
    private static final int RAW = SIDE * ROW;
    private static final int IDAT = 2 + 5 + RAW + 4;
    private static final int FIXED = 8 + (12 + 13) + (12 + IDAT) + 12;
    private static final byte[] KEYWORD = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int CHUNK_OVERHEAD = 12 + KEYWORD.length;
    private static final int MAX_TEXT = 65_536;
    /** Smallest size generated: the image and one comment chunk holding the headline. */
    static final long MINIMUM_SIZE = FIXED + CHUNK_OVERHEAD + 72;

    private PngImage() {
    }

    static void write(long seed, long size, OutputStream target) throws IOException {
        if (size < MINIMUM_SIZE) {
            throw new IllegalArgumentException("a generated PNG needs at least " + MINIMUM_SIZE + " bytes, got " + size);
        }
        OutputStream out = new BufferedOutputStream(target, 16 * 1024);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] header = new byte[13];
        put32(header, 0, SIDE);
        put32(header, 4, SIDE);
        header[8] = 8;
        header[9] = 2;
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", pixels(seed));
        long padding = size - FIXED;
        long chunks = (padding + CHUNK_OVERHEAD + MAX_TEXT - 1) / (CHUNK_OVERHEAD + MAX_TEXT);
        long text = padding - chunks * CHUNK_OVERHEAD;
        TextLines lines = new TextLines(seed);
        for (long c = 0; c < chunks; c++) {
            int n = (int) Math.min(MAX_TEXT, text);
            text -= n;
            byte[] data = new byte[KEYWORD.length + n];
            System.arraycopy(KEYWORD, 0, data, 0, KEYWORD.length);
            byte[] words = lines.fill(n).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(words, 0, data, KEYWORD.length, n);
            chunk(out, "tEXt", data);
        }
        chunk(out, "IEND", new byte[0]);
        out.flush();
    }

    /** A zlib stream of one stored block: filter byte 0 and RGB for each row. */
    private static byte[] pixels(long seed) {
        long colours = Hashing.mix(seed, 0x9F6);
        byte[] raw = new byte[RAW];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                for (int c = 0; c < 3; c++) {
                    int base = (int) (colours >>> (16 * c)) & 0xFF;
                    raw[y * ROW + 1 + 3 * x + c] = (byte) (base + (c == 1 ? x : y) * 8);
                }
            }
        }
        byte[] zlib = new byte[IDAT];
        zlib[0] = 0x78;
        zlib[1] = 0x01;
        zlib[2] = 1;
        zlib[3] = (byte) RAW;
        zlib[4] = (byte) (RAW >>> 8);
        zlib[5] = (byte) ~RAW;
        zlib[6] = (byte) (~RAW >>> 8);
        System.arraycopy(raw, 0, zlib, 7, RAW);
        Adler32 adler = new Adler32();
        adler.update(raw);
        put32(zlib, 7 + RAW, adler.getValue());
        return zlib;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] head = new byte[8];
        put32(head, 0, data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] check = new byte[4];
        put32(check, 0, crc.getValue());
        out.write(head);
        out.write(data);
        out.write(check);
    }

    private static void put32(byte[] target, int at, long value) {
        for (int i = 0; i < 4; i++) {
            target[at + i] = (byte) (value >>> (24 - 8 * i));
        }
    }
}
