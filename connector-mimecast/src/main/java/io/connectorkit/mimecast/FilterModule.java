package io.connectorkit.mimecast;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Binds the compiled scope rules (domains, mailboxes, subjects). */
final class FilterModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MimecastScopeFilter.class).in(Scopes.SINGLETON);
    }
}
