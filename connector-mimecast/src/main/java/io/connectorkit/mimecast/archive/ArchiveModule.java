package io.connectorkit.mimecast.archive;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds the crawl of the archive: the reader that lists each mailbox's views and emits their messages. */
public final class ArchiveModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastMessageReader.class).in(Scopes.SINGLETON);
    }
}
