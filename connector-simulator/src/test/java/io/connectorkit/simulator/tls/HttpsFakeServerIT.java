package io.connectorkit.simulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes against the fake server over HTTPS and through the TLS proxy, with keytool-made certificates. */
class HttpsFakeServerIT {
    @TempDir
    static Path dir;
    static TestCa ca;
    static ServerCertificate loopback;

    @BeforeAll
    static void makeCertificates() throws IOException {
        ca = TestCa.create(dir);
        loopback = ca.issueForLoopback();
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static HttpResponse<String> token(HttpClient client, String baseUrl) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("client_id=id&client_secret=secret&grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static FakeMimecastServer server(SSLContext https) {
        var builder = FakeMimecastServer.builder().archive(ArchiveGenerator.seed(3).domains(1).usersPerDomain(1)
                .messagesPerView(1).generate()).clientCredentials("id", "secret");
        return (https == null ? builder : builder.https(https)).start();
    }

    @Test
    void theCaPemHoldsTheCaThatSignedTheServerCertificate() throws Exception {
        assertThat(Files.readString(ca.pem())).startsWith("-----BEGIN CERTIFICATE-----");
        X509Certificate leaf = loopback.certificate();
        leaf.verify(ca.certificate().getPublicKey());
        assertThat(leaf.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .contains("127.0.0.1", "localhost");
        assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aClientTrustingTheCaGetsATokenOverHttps() throws Exception {
        try (FakeMimecastServer server = server(loopback.sslContext())) {
            assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.pem())).build();
            assertThat(token(client, server.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(server.calls(Endpoint.TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void aClientWithTheDefaultTrustStoreIsRefusedBeforeAnyRequest() {
        try (FakeMimecastServer server = server(loopback.sslContext())) {
            assertThatThrownBy(() -> token(HttpClient.newHttpClient(), server.baseUrl()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWhenItsCaIsTrusted() throws Exception {
        ServerCertificate elsewhere = ca.issue("wrong-host", "dns:mimecast.invalid");
        try (FakeMimecastServer server = server(elsewhere.sslContext())) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.pem())).build();
            assertThatThrownBy(() -> token(client, server.baseUrl())).isInstanceOf(SSLHandshakeException.class);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void theProxyTerminatesTlsAndForwardsToAPlainServer() throws Exception {
        try (FakeMimecastServer plain = server(null);
                TlsProxy proxy = TlsProxy.start(loopback.sslContext(), "127.0.0.1",
                        URI.create(plain.baseUrl()).getPort())) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.pem())).build();
            assertThat(token(client, proxy.url()).statusCode()).isEqualTo(200);
            assertThat(proxy.handshakes()).isEqualTo(1);
            assertThatThrownBy(() -> token(HttpClient.newHttpClient(), proxy.url()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(plain.calls(Endpoint.TOKEN)).isEqualTo(1);
        }
    }
}
