package io.connectorkit.simulator.archive;

import io.connectorkit.simulator.archive.corpus.ItemRef;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.archive.mime.Hashing;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Adler32;

/**
 * Mints and reads archive ids. Like the real service's ids they are base64url zlib streams (so
 * they start with {@code eNo}); the payload is a stored (uncompressed) deflate block holding the
 * item reference plus an opaque check value, so any truncated or altered id is detected.
 */
public final class ArchiveIds {
    private static final int PAYLOAD = 1 + 4 + 4 + 1 + 4 + 2 + 16;

    private ArchiveIds() {
    }

    /** Encodes a reference as an id. */
    public static String encode(ItemRef ref) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.put((byte) ref.kind().ordinal());
        payload.putInt(ref.seedTag());
        payload.putInt(ref.mailbox());
        payload.put((byte) ref.view().ordinal());
        payload.putInt(ref.index());
        payload.putShort((short) ref.attachment());
        long check = Hashing.mix(ref.kind().ordinal(), ref.seedTag(), ref.mailbox(), ref.view().ordinal(),
                ref.index(), ref.attachment());
        payload.putLong(check);
        payload.putLong(Hashing.next(check));
        byte[] data = payload.array();

        ByteBuffer zlib = ByteBuffer.allocate(2 + 5 + data.length + 4);
        zlib.put((byte) 0x78).put((byte) 0xDA);
        zlib.put((byte) 0x01);
        zlib.put((byte) (data.length & 0xff)).put((byte) (data.length >>> 8));
        zlib.put((byte) (~data.length & 0xff)).put((byte) ((~data.length >>> 8) & 0xff));
        zlib.put(data);
        Adler32 adler = new Adler32();
        adler.update(data);
        zlib.putInt((int) adler.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(zlib.array());
    }

    /** Decodes an id; empty when it is not an id this archive format mints (or is truncated). */
    public static Optional<ItemRef> decode(String id) {
        if (id == null || !id.startsWith("eNo")) {
            return Optional.empty();
        }
        byte[] zlib;
        try {
            zlib = Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (zlib.length != 2 + 5 + PAYLOAD + 4) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(zlib);
        in.position(7);
        byte[] data = new byte[PAYLOAD];
        in.get(data);
        Adler32 adler = new Adler32();
        adler.update(data);
        if (in.getInt() != (int) adler.getValue()) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(data);
        int kind = payload.get();
        int seedTag = payload.getInt();
        int mailbox = payload.getInt();
        int view = payload.get();
        int index = payload.getInt();
        int attachment = payload.getShort();
        long check = payload.getLong();
        if (kind < 0 || kind >= ItemRef.Kind.values().length || view < 0 || view >= View.values().length
                || check != Hashing.mix(kind, seedTag, mailbox, view, index, attachment)) {
            return Optional.empty();
        }
        return Optional.of(new ItemRef(ItemRef.Kind.values()[kind], seedTag, mailbox, View.values()[view],
                index, attachment));
    }
}
