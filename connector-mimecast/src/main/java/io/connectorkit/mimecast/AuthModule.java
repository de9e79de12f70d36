package io.connectorkit.mimecast;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds the OAuth2 token source: one per session, shared by every mailbox. */
final class AuthModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastTokenSource.class).in(Scopes.SINGLETON);
    }
}
