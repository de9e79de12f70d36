package io.connectorkit.simulator.mimecast.wire;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes through the first {@code limit} bytes, then signals that the connection must drop. */
final class CutOffStream extends FilterOutputStream {
    /** Thrown when the limit is reached. */
    static final class Reached extends IOException {
        private static final long serialVersionUID = 1L;

        Reached() {
            super("cut-off point reached");
        }
    }

    private long remaining;

    CutOffStream(OutputStream out, long limit) {
        super(out);
        this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = (int) Math.min(len, remaining);
        out.write(b, off, n);
        remaining -= n;
        if (remaining <= 0) {
            throw new Reached();
        }
    }
}
