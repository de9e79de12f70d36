package io.connectorkit.mimecast.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import io.connectorkit.api.support.PemTrust;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastKeys;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Binds the HTTP side: the pooled HttpClient 5 (timeouts from {@code mimecast.http.*}, its own retries off since
 * {@link MimecastHttp} retries with the rate limiter in mind), the shared rate limiter, stats,
 * trace and the outage. Building the client opens no connection. TLS: the JDK's trust store,
 * plus {@code mimecast.tls.ca-bundle} when set; host names are always verified. Redirects are never
 * followed by the client itself (see {@link MimecastRedirects}).
 */
public final class HttpModule extends AbstractModule {
    private static final int MAX_CONNECTIONS = 64;

    @Override
    protected void configure() {
        bind(MimecastSleeper.class).toInstance(MimecastSleeper.ON_MONITOR);
        bind(MimecastRateLimiter.class).in(Scopes.SINGLETON);
        bind(MimecastStats.class).in(Scopes.SINGLETON);
        bind(MimecastTrace.class).in(Scopes.SINGLETON);
        bind(MimecastOutage.class).in(Scopes.SINGLETON);
        bind(MimecastHttp.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    CloseableHttpClient httpClient(MimecastConfig config) {
        Timeout connect = Timeout.of(config.timeouts().connect());
        Timeout read = Timeout.of(config.timeouts().read());
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(connect)
                .setSocketTimeout(read)
                .build();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create();
        config.connection().caBundle().ifPresent(bundle -> pool.setTlsSocketStrategy(
                ClientTlsStrategyBuilder.create().setSslContext(trusting(bundle)).buildClassic()));
        return HttpClients.custom()
                .setConnectionManager(pool
                        .setDefaultConnectionConfig(connection)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofMinutes(2))
                        .setResponseTimeout(read)
                        .build())
                .disableAutomaticRetries()
                // A followed redirect would carry the secret or the bearer to another host: MimecastRedirects decides.
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("connectorkit-mimecast")
                .build();
    }

    private static SSLContext trusting(Path bundle) {
        try {
            return PemTrust.sslContext(bundle);
        } catch (IOException | GeneralSecurityException e) {
            // Validation read the file moments ago; this is it changing in between.
            throw new IllegalStateException(MimecastKeys.TLS_CA_BUNDLE + " = '" + bundle + "': " + e.getMessage(), e);
        }
    }
}
