package io.connectorkit.embedded;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opensearch.client.node.NodeClient;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;

/**
 * Wraps every REST handler of the embedded node so that it answers only requests that send the
 * data directory's {@link EmbeddedCredential}; any other gets 401 before the handler runs. The
 * password is read from {@code <path.home>/}{@value EmbeddedCredential#FILE_NAME} when the node
 * starts (it never goes into the node's settings); without a readable one every request is refused.
 */
public final class CredentialPlugin extends Plugin implements ActionPlugin {
    private final Optional<EmbeddedCredential> credential;

    /**
     * Called by the node.
     *
     * @param settings the node's settings, with {@code path.home}
     * @param configPath the node's configuration directory (unused)
     */
    public CredentialPlugin(Settings settings, Path configPath) {
        String home = settings.get("path.home");
        this.credential = home == null ? Optional.empty() : EmbeddedCredential.read(Path.of(home));
    }

    @Override
    public UnaryOperator<RestHandler> getRestHandlerWrapper(ThreadContext threadContext) {
        return handler -> new RestHandler.Wrapper(handler) {
            @Override
            public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
                if (credential.isPresent() && credential.get().accepts(request.header("Authorization"))) {
                    super.handleRequest(request, channel, client);
                    return;
                }
                BytesRestResponse refusal = new BytesRestResponse(RestStatus.UNAUTHORIZED, "application/json",
                        "{\"error\":\"This embedded index answers only requests with the credential in its data"
                                + " directory's " + EmbeddedCredential.FILE_NAME + " file (user "
                                + EmbeddedCredential.USERNAME + ")\",\"status\":401}");
                refusal.addHeader("WWW-Authenticate", "Basic realm=\"connector embedded index\"");
                channel.sendResponse(refusal);
            }
        };
    }
}
