package io.connectorkit.testkit.contract;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.api.ItemFailure;
import java.util.Objects;

/**
 * One call a connector made on a {@link RecordingEmitter}, in the order it was made.
 *
 * @param type which emitter method was called
 * @param document the document of an {@link Type#UPSERT}, else {@code null}
 * @param documentId the id of an {@link Type#UPSERT} or {@link Type#DELETE}, else {@code null}
 * @param failure the failure of a {@link Type#FAILURE}, else {@code null}
 * @param checkpoint the checkpoint of a {@link Type#CHECKPOINT}, else {@code null}
 */
public record Emission(Type type, Document document, String documentId, ItemFailure failure,
        Checkpoint checkpoint) {

    /** The emitter method that was called. */
    public enum Type {
        /** {@link io.connectorkit.api.Emitter#upsert}. */
        UPSERT,
        /** {@link io.connectorkit.api.Emitter#delete}. */
        DELETE,
        /** {@link io.connectorkit.api.Emitter#failure}. */
        FAILURE,
        /** {@link io.connectorkit.api.Emitter#checkpoint}. */
        CHECKPOINT,
        /** {@link io.connectorkit.api.Emitter#partitionComplete}. */
        PARTITION_COMPLETE
    }

    /**
     * Creates an emission.
     *
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public Emission {
        Objects.requireNonNull(type, "type");
    }

    static Emission upsert(Document document) {
        return new Emission(Type.UPSERT, document, document.id(), null, null);
    }

    static Emission delete(String documentId) {
        return new Emission(Type.DELETE, null, documentId, null, null);
    }

    static Emission failure(ItemFailure failure) {
        return new Emission(Type.FAILURE, null, null, failure, null);
    }

    static Emission checkpoint(Checkpoint checkpoint) {
        return new Emission(Type.CHECKPOINT, null, null, null, checkpoint);
    }

    static Emission partitionComplete() {
        return new Emission(Type.PARTITION_COMPLETE, null, null, null, null);
    }

    @Override
    public String toString() {
        return switch (type) {
            case UPSERT -> "upsert(" + documentId + ")";
            case DELETE -> "delete(" + documentId + ")";
            case FAILURE -> "failure(" + failure.itemId() + ", " + failure.kind() + ")";
            case CHECKPOINT -> "checkpoint(" + checkpoint.value() + ")";
            case PARTITION_COMPLETE -> "partitionComplete()";
        };
    }
}
