package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import io.connectorkit.api.ConnectorContext;

/** Binds what a session is made for: its configuration, the host's context, and the session. */
final class SessionModule extends AbstractModule {
    private final MimecastConfig config;
    private final ConnectorContext context;

    SessionModule(MimecastConfig config, ConnectorContext context) {
        this.config = requireNonNull(config, "config");
        this.context = requireNonNull(context, "context");
    }

    @Override
    protected void configure() {
        bind(MimecastConfig.class).toInstance(config);
        bind(ConnectorContext.class).toInstance(context);
        bind(MimecastSession.class).in(Scopes.SINGLETON);
        bind(MimecastChecker.class).in(Scopes.SINGLETON);
    }
}
