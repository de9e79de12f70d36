package io.connectorkit.runtime.pipeline;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.sink.DocumentSink;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/** What the partition crawlers of one run share. */
final class RunServices {
    private final DocumentSink sink;
    private final Semaphore indexQueries;
    private final PipelineOptions options;
    private final AtomicReference<ErrorKind> fatalKind = new AtomicReference<>();
    private final AtomicReference<String> fatalMessage = new AtomicReference<>();

    RunServices(DocumentSink sink, Semaphore indexQueries, PipelineOptions options) {
        this.sink = sink;
        this.indexQueries = indexQueries;
        this.options = options;
    }

    DocumentSink sink() {
        return sink;
    }

    Semaphore indexQueries() {
        return indexQueries;
    }

    PipelineOptions options() {
        return options;
    }

    void fatal(ErrorKind kind, String message) {
        if (fatalKind.compareAndSet(null, kind)) {
            fatalMessage.set(message);
        }
    }

    ErrorKind fatalKind() {
        return fatalKind.get();
    }

    String fatalMessage() {
        return fatalMessage.get();
    }
}
