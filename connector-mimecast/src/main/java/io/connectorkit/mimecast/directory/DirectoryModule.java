package io.connectorkit.mimecast.directory;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds the scope: the compiled rules and the directory that applies them to domains and mailboxes. */
public final class DirectoryModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastScopeFilter.class).in(Scopes.SINGLETON);
        bind(MimecastDirectory.class).in(Scopes.SINGLETON);
    }
}
