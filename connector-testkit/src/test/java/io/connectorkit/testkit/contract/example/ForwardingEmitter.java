package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ItemFailure;
import java.util.Objects;

/** An emitter that passes every call on; subclasses change some of them. */
class ForwardingEmitter implements Emitter {
    private final Emitter delegate;

    ForwardingEmitter(Emitter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Called once the wrapped crawl returned; passes on anything held back. */
    void finish() {
    }

    @Override
    public void upsert(Document document) {
        delegate.upsert(document);
    }

    @Override
    public void unchanged(String documentId) {
        delegate.unchanged(documentId);
    }

    @Override
    public void delete(String documentId) {
        delegate.delete(documentId);
    }

    @Override
    public void failure(ItemFailure failure) {
        delegate.failure(failure);
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        delegate.checkpoint(checkpoint);
    }

    @Override
    public void partitionComplete() {
        delegate.partitionComplete();
    }
}
