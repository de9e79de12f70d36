package io.connectorkit.mimecast;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds attachment handling: attachments as documents of their own. */
final class AttachmentModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastAttachments.class).in(Scopes.SINGLETON);
    }
}
