package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ContentSource;
import io.connectorkit.api.Document;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RecordingEmitterTest {

    @Test
    void recordsCallsInOrderAndWhatEachCheckpointCovers() {
        RecordingEmitter emitter = new RecordingEmitter("p");
        emitter.upsert(doc("a"));
        emitter.checkpoint(new Checkpoint("1"));
        emitter.upsert(doc("b"));
        emitter.delete("c");
        emitter.failure(ItemFailure.of("d", ErrorKind.PERMANENT, "Item d is broken"));
        emitter.checkpoint(new Checkpoint("2"));
        emitter.partitionComplete();

        assertThat(emitter.emissions()).extracting(Emission::toString).containsExactly("upsert(a)", "checkpoint(1)",
                "upsert(b)", "delete(c)", "failure(d, PERMANENT)", "checkpoint(2)", "partitionComplete()");
        assertThat(emitter.upsertedIds()).containsExactly("a", "b");
        assertThat(emitter.deletedIds()).containsExactly("c");
        assertThat(emitter.upsertedIdsBefore(0)).containsExactly("a");
        assertThat(emitter.upsertedIdsBefore(1)).containsExactly("a", "b");
        assertThat(emitter.lastCheckpoint()).isEqualTo(new Checkpoint("2"));
        assertThat(emitter.partitionCompleteCount()).isEqualTo(1);
        assertThatThrownBy(() -> emitter.upsertedIdsBefore(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("has 2 checkpoints");
    }

    @Test
    void readsBinaryContentBeforeUpsertReturnsAndNotesUnreadableContent() {
        RecordingEmitter emitter = new RecordingEmitter("p");
        AtomicBoolean read = new AtomicBoolean();
        emitter.upsert(withBinary("good", () -> {
            read.set(true);
            return new ByteArrayInputStream(new byte[] {1, 2, 3});
        }));
        emitter.upsert(withBinary("bad", () -> {
            throw new IOException("gone");
        }));

        assertThat(read).isTrue();
        assertThat(emitter.unreadableContent()).containsExactly("bad");
        assertThat(emitter.upsertedIds()).containsExactly("good", "bad");
    }

    @Test
    void holdsTheLastVersionOfEachDocumentWithoutTheDeletedOnesAndTheirChildren() {
        RecordingEmitter emitter = new RecordingEmitter("p");
        emitter.upsert(Document.builder("a", "email").version("v1").build());
        emitter.upsert(Document.builder("a.1", "attachment").parentId("a").build());
        emitter.upsert(Document.builder("b", "email").version("v1").build());
        emitter.upsert(Document.builder("b.1", "attachment").parentId("b").build());
        emitter.upsert(Document.builder("a", "email").version("v2").build());
        emitter.delete("b");

        assertThat(emitter.documents().keySet()).containsExactly("a", "a.1");
        assertThat(emitter.documents().get("a").version()).isEqualTo("v2");
        assertThat(emitter.ofKind("email")).extracting(Document::id).containsExactly("a");
        assertThat(emitter.ofKind("attachment")).extracting(Document::id).containsExactly("a.1");
        assertThat(emitter.ofKind("file")).isEmpty();
    }

    @Test
    void answersWhatWasReadOfADocumentsContent() {
        RecordingEmitter emitter = new RecordingEmitter("p");
        emitter.upsert(withBinary("good", () -> new ByteArrayInputStream(new byte[] {1, 2, 3})));
        emitter.upsert(doc("plain"));

        ContentRead read = emitter.contentRead("good").orElseThrow();
        assertThat(read.bytesRead()).isEqualTo(3);
        assertThat(read.actualSha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
        assertThat(read.error()).isNull();
        assertThat(emitter.contentRead("plain")).isEmpty();
    }

    @Test
    void contextSumsEachCounter() throws Exception {
        try (RecordingContext context = RecordingContext.create("test")) {
            context.metrics().add("calls", 2);
            context.metrics().add("calls", 3);

            assertThat(context.counter("calls")).isEqualTo(5);
            assertThat(context.counter("never")).isZero();
        }
    }

    @Test
    void contextKnowsWhatItsEmittersUpsertedAndForgetsDeletions() throws Exception {
        try (RecordingContext context = RecordingContext.create("test")) {
            RecordingEmitter emitter = context.emitter(Partition.of("p"));
            emitter.upsert(Document.builder("a", "file").version("v1").build());
            emitter.upsert(Document.builder("b", "file").version("v2").build());
            emitter.delete("b");

            assertThat(context.knownDocuments().versions(List.of("a", "b", "c"))).isEqualTo(Map.of("a", "v1"));
        }
    }

    @Test
    void cancelledContextMakesEmittersThrowOnWritesButAcceptsCheckpointsAsAHostDoes() throws Exception {
        try (RecordingContext context = RecordingContext.create("test")) {
            RecordingEmitter emitter = context.emitter(Partition.of("p"));
            context.cancel();

            assertThat(context.cancelled()).isTrue();
            assertThatThrownBy(() -> emitter.upsert(doc("a"))).isInstanceOf(CancelledException.class);
            assertThatThrownBy(() -> emitter.delete("a")).isInstanceOf(CancelledException.class);
            emitter.checkpoint(new Checkpoint("1"));

            assertThat(emitter.checkpoints()).containsExactly(new Checkpoint("1"));
            assertThat(emitter.upsertedIds()).isEmpty();
            assertThat(emitter.writesAfterCancellation()).isEqualTo(2);
        }
    }

    @Test
    void contextCancelsAfterTheGivenNumberOfUpserts() throws Exception {
        try (RecordingContext context = RecordingContext.create("test")) {
            RecordingEmitter emitter = context.emitter(Partition.of("p"));
            context.cancelAfterUpserts(2);

            emitter.upsert(doc("a"));
            assertThat(context.cancelled()).isFalse();
            emitter.upsert(doc("b"));

            assertThat(context.cancelled()).isTrue();
            assertThatThrownBy(() -> emitter.upsert(doc("c"))).isInstanceOf(CancelledException.class);
            assertThat(emitter.upsertedIds()).containsExactly("a", "b");
        }
    }

    @Test
    void contextDeletesItsTemporaryDirectoryOnClose() throws Exception {
        RecordingContext context = RecordingContext.create("test");
        java.nio.file.Files.writeString(context.tempDirectory().resolve("spool.bin"), "x");
        context.metrics().add("calls", 2);
        context.metrics().add("calls", 3);
        assertThat(context.counters()).containsEntry("calls", 5L);

        context.close();
        context.close();

        assertThat(context.tempDirectory()).doesNotExist();
    }

    private static Document doc(String id) {
        return Document.builder(id, "file").build();
    }

    private static Document withBinary(String id, Opener opener) {
        return Document.builder(id, "file").binary(new ContentSource() {
            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }

            @Override
            public long length() {
                return -1;
            }

            @Override
            public Optional<String> mediaType() {
                return Optional.empty();
            }
        }).build();
    }

    private interface Opener {
        InputStream open() throws IOException;
    }
}
