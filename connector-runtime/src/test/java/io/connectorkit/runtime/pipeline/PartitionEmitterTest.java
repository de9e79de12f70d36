package io.connectorkit.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ContentSource;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.testing.InMemoryStateStore;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the emitter queues for an email and its attachments, read from the queue in order. */
class PartitionEmitterTest {
    // Reads only text/plain: every attachment here (a PDF) fails extraction and is still indexed, without text.
    private static final ContentExtractor FAILING = new PlainTextExtractor();

    private final ByteBoundedQueue<WriteEntry> queue = new ByteBoundedQueue<>(1 << 20);
    private final CancellationSignal signal = new CancellationSignal();
    private final RunControl control = new RunControl(signal);
    private final PartitionRun run = new PartitionRun("p", PartitionState.initial("p"), new InMemoryStateStore(), 1,
            CrawlMode.INCREMENTAL, 0);
    private final PartitionEmitter emitter = new PartitionEmitter(run, queue, FAILING, "test", Clock.systemUTC(),
            new RunTotals(), control);
    private final List<WriteEntry> taken = new ArrayList<>();
    private Thread writer;

    @AfterEach
    void stopWriter() throws InterruptedException {
        if (writer != null) {
            writer.interrupt();
            writer.join();
        }
    }

    private static Document email(String id) {
        return Document.builder(id, "p", "email").title(id).version("v").build();
    }

    private static Document attachment(String email, int k) {
        return Document.builder(email + "-att-" + k, "p", "attachment").parentId(email).version("v")
                .binary(new Bytes()).build();
    }

    /** Stands in for the bulk writer: takes every entry and completes flushes. */
    private void startWriter() {
        writer = new Thread(() -> {
            try {
                while (true) {
                    WriteEntry e = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (e instanceof WriteEntry.Flush f) {
                        f.done().complete(null);
                    } else if (e != null) {
                        synchronized (taken) {
                            taken.add(e);
                        }
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "writer-stand-in");
        writer.start();
    }

    private List<String> queued() throws InterruptedException {
        emitter.flush(true);
        synchronized (taken) {
            return taken.stream().map(PartitionEmitterTest::describe).toList();
        }
    }

    private static String describe(WriteEntry e) {
        if (e instanceof WriteEntry.Write w) {
            return (w.followsChildren() ? "root " : "") + w.action().id();
        }
        return e instanceof WriteEntry.Mark m ? "checkpoint " + m.checkpoint().value() : e.toString();
    }

    @Test
    void anEmailIsQueuedAfterItsAttachmentsAndBeforeTheCheckpointAfterThem() throws Exception {
        startWriter();
        emitter.upsert(email("e1"));
        emitter.upsert(attachment("e1", 1));
        emitter.upsert(attachment("e1", 2));
        emitter.upsert(email("e2"));
        emitter.checkpoint(new Checkpoint("page 1"));
        emitter.upsert(email("e3"));
        assertThat(queued()).containsExactly("e1-att-1", "e1-att-2", "root e1", "root e2", "checkpoint page 1",
                "root e3");
    }

    @Test
    void aCancellationBetweenAnEmailAndItsAttachmentsDropsTheEmailAndLaterCheckpoints() throws Exception {
        startWriter();
        emitter.upsert(email("e0"));
        emitter.checkpoint(new Checkpoint("page 0"));
        emitter.upsert(email("e1"));
        emitter.upsert(attachment("e1", 1));
        signal.cancel();
        assertThatThrownBy(() -> emitter.upsert(attachment("e1", 2))).isInstanceOf(CancelledException.class);
        // A connector that goes on as if the message were done: its checkpoint would cover the partial one.
        emitter.checkpoint(new Checkpoint("page 1"));
        assertThat(queued()).containsExactly("root e0", "checkpoint page 0", "e1-att-1");
    }

    @Test
    void aCancelledConnectorThatReturnsWithoutACheckpointLosesItsLastEmail() throws Exception {
        startWriter();
        emitter.upsert(email("e1"));
        emitter.upsert(attachment("e1", 1));
        signal.cancel();
        emitter.flush(true);
        assertThat(queued()).as("it may have stopped before e1's next attachment").containsExactly("e1-att-1");
    }

    @Test
    void aCancelledConnectorWhoseListingWasCompleteKeepsItsLastEmail() throws Exception {
        startWriter();
        emitter.upsert(email("e1"));
        emitter.upsert(attachment("e1", 1));
        emitter.partitionComplete();
        signal.cancel();
        assertThat(queued()).containsExactly("e1-att-1", "root e1");
    }

    @Test
    void aCrawlThatFailsMidMessageDoesNotWriteTheEmail() throws Exception {
        startWriter();
        emitter.upsert(email("e1"));
        emitter.upsert(attachment("e1", 1));
        emitter.flush(false);
        assertThat(queued()).containsExactly("e1-att-1");
    }

    @Test
    void aFailureReportedWhileAnEmailIsOpenMarksItIncompleteButAFailedExtractionDoesNot() throws Exception {
        startWriter();
        emitter.upsert(email("e1"));
        emitter.upsert(attachment("e1", 1));
        emitter.upsert(email("e2"));
        emitter.upsert(attachment("e2", 1));
        emitter.failure(new ItemFailure("e2-att-2", "p", ErrorKind.TRANSIENT, "download failed (test)"));
        emitter.upsert(email("e3"));
        assertThat(queued()).containsExactly("e1-att-1", "root e1", "e2-att-1", "root e2", "root e3");
        List<Boolean> incomplete;
        synchronized (taken) {
            incomplete = taken.stream().map(e -> (WriteEntry.Write) e).filter(WriteEntry.Write::followsChildren)
                    .map(w -> w.unit().incomplete()).toList();
        }
        assertThat(incomplete).as("e1 (extraction failed), e2 (attachment failed), e3").containsExactly(false, true,
                false);
        assertThat(run.failedIds()).containsExactlyInAnyOrder("e1-att-1", "e2-att-1", "e2-att-2");
    }

    private static final class Bytes implements ContentSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(new byte[] {1, 2, 3});
        }

        @Override
        public long length() {
            return 3;
        }

        @Override
        public Optional<String> mediaType() {
            return Optional.of("application/pdf");
        }
    }
}
