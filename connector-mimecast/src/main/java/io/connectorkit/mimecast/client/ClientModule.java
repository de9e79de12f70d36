package io.connectorkit.mimecast.client;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * Binds the typed API client, its OAuth2 token source (one per session, shared by every mailbox)
 * and the pager that pulls list functions page by page.
 */
public final class ClientModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastTokenSource.class).in(Scopes.SINGLETON);
        bind(MimecastClient.class).in(Scopes.SINGLETON);
        bind(MimecastPager.class).in(Scopes.SINGLETON);
    }
}
