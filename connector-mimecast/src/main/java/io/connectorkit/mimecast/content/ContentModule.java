package io.connectorkit.mimecast.content;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds the reading of a message's content and of its attachments, as documents of their own. */
public final class ContentModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastContentReader.class).in(Scopes.SINGLETON);
        bind(MimecastAttachments.class).in(Scopes.SINGLETON);
    }
}
