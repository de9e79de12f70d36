package io.connectorkit.mimecast;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds paging and the listings built on it: the directory and the mailbox crawl. */
final class PagingModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastPager.class).in(Scopes.SINGLETON);
        bind(MimecastDirectory.class).in(Scopes.SINGLETON);
        bind(MimecastContentReader.class).in(Scopes.SINGLETON);
        bind(MimecastMessageReader.class).in(Scopes.SINGLETON);
    }
}
