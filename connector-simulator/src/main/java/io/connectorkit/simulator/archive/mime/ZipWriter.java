package io.connectorkit.simulator.archive.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip file as it goes, with sizes known in advance: every entry is DEFLATE-compressed
 * with stored (uncompressed) blocks and followed by a data descriptor, so the CRC is computed
 * while the bytes stream and the archive's length is plain arithmetic ({@link #entryLength}).
 * Without zip64, an archive must stay under 4 GiB.
 */
final class ZipWriter {
    /** Largest archive written: offsets are 32-bit without zip64. */
    static final long MAXIMUM_SIZE = 0xFFFF_0000L;
    /** Bytes after the last entry besides the central directory records. */
    static final int END_LENGTH = 22;
    private static final int BLOCK = 65_535;
    private static final int DOS_TIME = 9 << 11;
    private static final int DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

    private final OutputStream out;
    private final List<Central> central = new ArrayList<>();
    private long position;

    private record Central(byte[] name, long crc, long compressed, long size, long offset) {
    }

    /** Writes the content of one entry: exactly the size announced to {@link #entry}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    ZipWriter(OutputStream out) {
        this.out = out;
    }

    /** Bytes an entry adds to the archive (local header, data, descriptor, central record). */
    static long entryLength(String name, long size, long blocks) {
        return 30 + name.length() + size + 5 * blocks + 16 + 46 + name.length();
    }

    /** Stored blocks needed for a given number of bytes (at least one). */
    static long blocks(long size) {
        return Math.max(1, (size + BLOCK - 1) / BLOCK);
    }

    /**
     * Blocks for an entry whose compressed data must take exactly {@code compressed} bytes:
     * the content then has {@code compressed - 5 * blocks} bytes.
     */
    static long blocksForCompressed(long compressed) {
        return Math.max(1, (compressed + BLOCK + 4) / (BLOCK + 5));
    }

    void entry(String name, long size, Content content) throws IOException {
        entry(name, size, blocks(size), content);
    }

    void entry(String name, long size, long blocks, Content content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        long offset = position;
        Bytes header = new Bytes().int32(0x04034b50).int16(20).int16(8).int16(8).int16(DOS_TIME).int16(DOS_DATE)
                .int32(0).int32(0).int32(0).int16(nameBytes.length).int16(0).raw(nameBytes);
        emit(header);
        StoredBlocks data = new StoredBlocks(size, blocks);
        content.writeTo(data);
        data.finish();
        long compressed = size + 5 * blocks;
        emit(new Bytes().int32(0x08074b50).int32(data.crc.getValue()).int32(compressed).int32(size));
        central.add(new Central(nameBytes, data.crc.getValue(), compressed, size, offset));
    }

    void finish() throws IOException {
        long start = position;
        for (Central c : central) {
            emit(new Bytes().int32(0x02014b50).int16(20).int16(20).int16(8).int16(8).int16(DOS_TIME).int16(DOS_DATE)
                    .int32(c.crc()).int32(c.compressed()).int32(c.size()).int16(c.name().length).int16(0).int16(0)
                    .int16(0).int16(0).int32(0).int32(c.offset()).raw(c.name()));
        }
        emit(new Bytes().int32(0x06054b50).int16(0).int16(0).int16(central.size()).int16(central.size())
                .int32(position - start).int32(start).int16(0));
        out.flush();
    }

    private void emit(Bytes bytes) throws IOException {
        out.write(bytes.buffer, 0, bytes.length);
        position += bytes.length;
    }

    /** The DEFLATE stream: the content cut into a fixed number of stored blocks, CRC on the way. */
    private final class StoredBlocks extends OutputStream {
        private final CRC32 crc = new CRC32();
        private final byte[] block = new byte[BLOCK];
        private final long size;
        private final long blocks;
        private int filled;
        private long emitted;
        private long received;

        StoredBlocks(long size, long blocks) {
            this.size = size;
            this.blocks = blocks;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            received += len;
            if (received > size) {
                throw new IllegalStateException("zip entry content overran its announced " + size + " bytes");
            }
            crc.update(b, off, len);
            while (len > 0) {
                int n = Math.min(len, BLOCK - filled);
                System.arraycopy(b, off, block, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == BLOCK) {
                    flushBlock();
                }
            }
        }

        void finish() throws IOException {
            if (received != size) {
                throw new IllegalStateException("zip entry content has " + received + " bytes, announced " + size);
            }
            while (emitted < blocks) {
                flushBlock();
            }
        }

        private void flushBlock() throws IOException {
            if (emitted >= blocks) {
                throw new IllegalStateException("zip entry needs more than its " + blocks + " stored blocks");
            }
            boolean last = ++emitted == blocks;
            emit(new Bytes().int8(last ? 1 : 0).int16(filled).int16(~filled & 0xFFFF));
            out.write(block, 0, filled);
            position += filled;
            filled = 0;
        }
    }

    /** A little-endian record being assembled. */
    private static final class Bytes {
        private byte[] buffer = new byte[64];
        private int length;

        Bytes int8(int value) {
            ensure(1);
            buffer[length++] = (byte) value;
            return this;
        }

        Bytes int16(int value) {
            return int8(value).int8(value >>> 8);
        }

        Bytes int32(long value) {
            return int16((int) value & 0xFFFF).int16((int) (value >>> 16) & 0xFFFF);
        }

        Bytes raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
            return this;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
