package io.connectorkit.cli.bench.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ContentSource;
import io.connectorkit.simulator.archive.corpus.Attachment;
import java.io.InputStream;
import java.util.Optional;

/**
 * An attachment's bytes as a document's binary content, generated again each time they are
 * opened, with the media type and file name the archive declares.
 *
 * @param attachment the attachment
 */
public record AttachmentContent(Attachment attachment) implements ContentSource {
    public AttachmentContent {
        requireNonNull(attachment, "attachment");
    }

    @Override
    public InputStream open() {
        return attachment.openStream();
    }

    @Override
    public long length() {
        return attachment.size();
    }

    @Override
    public Optional<String> mediaType() {
        return Optional.of(attachment.contentType());
    }

    @Override
    public Optional<String> fileName() {
        return Optional.of(attachment.filename());
    }
}
