package io.connectorkit.extract;

import io.connectorkit.runtime.extract.Extraction;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One extraction as seen by both sides: the worker that reads and parses, and the caller that
 * waits for it. The worker records its progress and the streams it holds; a caller that gives up
 * closes those streams (a parse that ignores interruption may still be blocked on one) and
 * answers from the progress recorded so far.
 */
final class ExtractionAttempt {
    private final List<Closeable> held = new ArrayList<>();
    private boolean abandoned;
    private Consumer<Extraction> onAbandon;
    private volatile long bytesRead;
    private volatile String sha256;
    private volatile String mediaType;
    private volatile boolean parsing;

    ExtractionAttempt(String declaredType) {
        this.mediaType = declaredType;
    }

    /**
     * Records a stream the worker holds, so that the caller can close it on timeout.
     *
     * @throws InterruptedIOException (after closing it) if the attempt was already abandoned
     */
    synchronized <C extends Closeable> C hold(C resource) throws IOException {
        if (abandoned) {
            resource.close();
            throw new InterruptedIOException("the extraction was abandoned");
        }
        held.add(resource);
        return resource;
    }

    /** Forgets a stream the worker has closed itself. */
    synchronized void release(Closeable resource) {
        held.remove(resource);
    }

    /** Runs when the attempt is abandoned, with the answer given instead. */
    synchronized void onAbandon(Consumer<Extraction> action) {
        onAbandon = action;
    }

    /** Gives up: closes every stream still held and hands the answer to whoever waits for it. */
    void abandon(Extraction answer) {
        List<Closeable> toClose;
        Consumer<Extraction> action;
        synchronized (this) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            toClose = new ArrayList<>(held);
            held.clear();
            action = onAbandon;
        }
        for (Closeable c : toClose) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // The worker is being abandoned; a stream that fails to close changes nothing.
            }
        }
        if (action != null) {
            action.accept(answer);
        }
    }

    /** Whether the caller gave up; the worker's result is then ignored and counts for nothing. */
    synchronized boolean abandoned() {
        return abandoned;
    }

    void bytesRead(long count) {
        bytesRead = count;
    }

    void contentRead(String sha, long length) {
        sha256 = sha;
        bytesRead = length;
    }

    void parsing(String detectedType) {
        if (detectedType != null) {
            mediaType = detectedType;
        }
        parsing = true;
    }

    long bytesRead() {
        return bytesRead;
    }

    String sha256() {
        return sha256;
    }

    String mediaType() {
        return mediaType;
    }

    boolean isParsing() {
        return parsing;
    }
}
