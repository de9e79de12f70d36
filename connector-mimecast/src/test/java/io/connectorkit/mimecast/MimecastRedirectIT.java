package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import io.connectorkit.simulator.mimecast.RecordingHost;
import io.connectorkit.simulator.mimecast.RedirectingProxy;
import io.connectorkit.simulator.tls.ServerCertificate;
import io.connectorkit.simulator.tls.TestCa;
import io.connectorkit.simulator.tls.TlsProxy;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redirects never carry a credential to another host: a redirecting server in front of the fake
 * Mimecast server sends the token call, the API calls or the downloads to a host that records
 * what it gets and would answer gladly.
 */
class MimecastRedirectIT {
    private static final String SIGNATURE = "sig=Xk29-never-printed";

    @TempDir
    static Path certificates;
    static TestCa ca;
    static ServerCertificate loopback;

    @TempDir
    Path temp;

    @BeforeAll
    static void makeCertificates() throws IOException {
        ca = TestCa.create(certificates);
        loopback = ca.issueForLoopback();
    }

    private static void receivedNothing(RecordingHost other) {
        assertThat(other.requests()).as("requests that reached the other host").isEmpty();
    }

    private static void carriesNoCredential(List<RecordedRequest> requests) {
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.authorization()).as(r.path()).isEmpty();
            assertThat(r.body()).as(r.path()).doesNotContain(MimecastFixture.CLIENT_SECRET);
        });
    }

    @Test
    void aTokenCallAnswered307IsAnErrorNamingTheEndpointAndTheHostAndSendsTheOtherHostNothing() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b);
                RecordingHost other = RecordingHost.start();
                RedirectingProxy front = RedirectingProxy.start(f.server.baseUrl())
                        .redirect("/oauth/token", 307, other.baseUrl(), SIGNATURE)) {
            CheckReport report = f.connector.check(f.parse(f.config(MimecastKeys.AUTH_ENDPOINT, front.baseUrl())),
                    f.context);
            assertThat(report.ok()).isFalse();
            CheckResult token = report.results().get(0);
            assertThat(token.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(token.message()).contains("The token service " + front.baseUrl() + "/oauth/token")
                    .contains("HTTP 307 redirecting to " + other.baseUrl() + ";")
                    .contains("never followed").contains(MimecastKeys.AUTH_ENDPOINT)
                    .doesNotContain("sig=").doesNotContain(MimecastFixture.CLIENT_SECRET);
            receivedNothing(other);
            assertThat(front.requests()).hasSize(1);
            assertThat(f.server.requests()).isEmpty();
        }
    }

    @Test
    void anApiCallAnswered302IsAnErrorNamingTheCallAndTheHostAndTheBearerStaysHome() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b);
                RecordingHost other = RecordingHost.start();
                RedirectingProxy front = RedirectingProxy.start(f.server.baseUrl())
                        .redirect("/api/", 302, other.baseUrl(), SIGNATURE)) {
            CheckReport report = f.connector.check(f.parse(f.config(MimecastKeys.API_ENDPOINT, front.baseUrl())),
                    f.context);
            assertThat(report.ok()).isFalse();
            assertThat(report.failureKind()).contains(ErrorKind.CONFIGURATION);
            CheckResult failed = report.results().stream().filter(r -> r.status() == CheckResult.Status.FAILED)
                    .findFirst().orElseThrow();
            assertThat(failed.message()).contains("POST " + front.baseUrl() + "/api/")
                    .contains("HTTP 302 redirecting to " + other.baseUrl() + ";")
                    .contains(MimecastKeys.API_ENDPOINT).doesNotContain("sig=");
            receivedNothing(other);
            assertThat(front.requests()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(302));

            // A crawl stops at the first API call, as for any endpoint that is not Mimecast's.
            RecordingEmitter e = new RecordingEmitter(f.firstMailbox());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.crawl(
                    f.config(MimecastKeys.API_ENDPOINT, front.baseUrl()), f.firstMailbox(), null,
                    CrawlMode.INCREMENTAL, e)).isInstanceOfSatisfying(io.connectorkit.api.ConnectorException.class,
                            x -> assertThat(x.kind()).isEqualTo(ErrorKind.CONFIGURATION));
            receivedNothing(other);
        }
    }

    @Test
    void aDownloadRedirectedToHttpsIsFollowedWithoutTheBearer() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b);
                TlsProxy secure = TlsProxy.start(loopback.sslContext(), "127.0.0.1",
                        URI.create(f.server.baseUrl()).getPort());
                RedirectingProxy front = RedirectingProxy.start(f.server.baseUrl())
                        .redirect("/download/", 302, secure.url(), "")) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.API_ENDPOINT, front.baseUrl(),
                    MimecastKeys.TLS_CA_BUNDLE, ca.pem().toString()), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox)).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.content()).isNotBlank());
            assertThat(f.server.requests(Endpoint.DOWNLOAD)).hasSize((int) f.expected(mailbox));
            carriesNoCredential(f.server.requests(Endpoint.DOWNLOAD));
            carriesNoCredential(front.requests().stream().filter(r -> r.path().startsWith("/download/")).toList());
            assertThat(secure.handshakes()).isPositive();
        }
    }

    @Test
    void aDownloadRedirectedToPlainHttpIsARecordedFailureAndTheOtherHostGetsNothing() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b);
                RecordingHost other = RecordingHost.start();
                RedirectingProxy front = RedirectingProxy.start(f.server.baseUrl())
                        .redirect("/download/", 302, other.baseUrl(), SIGNATURE)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.API_ENDPOINT, front.baseUrl()), mailbox, null,
                    CrawlMode.INCREMENTAL);
            assertThat(e.failures()).hasSize((int) f.expected(mailbox)).allSatisfy(x -> {
                assertThat(x.kind()).isEqualTo(ErrorKind.PERMANENT);
                assertThat(x.reason()).contains("redirecting to " + other.baseUrl() + ", which is not https")
                        .doesNotContain("sig=");
            });
            receivedNothing(other);
            assertThat(f.server.requests(Endpoint.DOWNLOAD)).isEmpty();
        }
    }
}
