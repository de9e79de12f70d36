package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static io.connectorkit.mimecast.IndexedMimecast.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.simulator.tls.ServerCertificate;
import io.connectorkit.simulator.tls.TestCa;
import io.connectorkit.simulator.tls.TlsProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes at both remote ends: the fake Mimecast server over HTTPS and the embedded
 * index behind a TLS-terminating proxy, with certificates of a CA the JDK does not trust.
 */
class MimecastTlsIT extends EndToEndTest {
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

    private static CheckResult only(CheckReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void anUntrustedMimecastCertificateFailsTheCheckNamingTheCaBundleAndSendsNothing() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.https(loopback.sslContext()))) {
            assertThat(f.server.baseUrl()).startsWith("https://");
            CheckReport report = f.connector.check(f.parse(f.config()), f.context);
            assertThat(report.ok()).isFalse();
            assertThat(report.failureKind()).contains(ErrorKind.AUTHENTICATION);
            CheckResult token = only(report);
            assertThat(token.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(token.message()).contains("not trusted").contains(f.server.baseUrl())
                    .doesNotContain(MimecastFixture.CLIENT_SECRET);
            assertThat(token.fix()).contains(MimecastKeys.TLS_CA_BUNDLE).contains("PEM");
            assertThat(f.server.requests()).as("no request may reach a server that was not authenticated").isEmpty();
        }
    }

    @Test
    void anUntrustedMimecastCertificateEndsACrawlAsFatalBeforeAnyRequest() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), IndexedMimecast.smallArchive(9),
                b -> b.https(loopback.sslContext())); Host host = m.host()) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatal()).as(report.toString()).contains(ErrorKind.AUTHENTICATION);
            assertThat(report.fatalMessage()).contains(MimecastKeys.TLS_CA_BUNDLE).contains("not trusted");
            assertThat(report.documentsUpserted()).isZero();
            assertThat(m.server.requests()).isEmpty();
            assertThat(IndexedMimecast.all(host)).isEmpty();
        }
    }

    @Test
    void withTheCaBundleACrawlOverHttpsCompletesIntoTheIndex() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), IndexedMimecast.smallArchive(9),
                b -> b.https(loopback.sslContext()));
                Host host = m.host(MimecastKeys.TLS_CA_BUNDLE, ca.pem().toString())) {
            assertThat(host.check().ok()).isTrue();
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            ArchiveTally tally = m.tally();
            assertThat(ofKind(host, MimecastDocuments.KIND_EMAIL)).hasSize((int) tally.emails(tally.mailboxes()))
                    .isNotEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWithTheCaBundle() throws Exception {
        ServerCertificate elsewhere = ca.issue("wrong-host", "dns:mimecast.invalid", "ip:10.255.255.1");
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.https(elsewhere.sslContext()))) {
            CheckReport report = f.connector.check(f.parse(f.config(MimecastKeys.TLS_CA_BUNDLE, ca.pem().toString())),
                    f.context);
            CheckResult token = only(report);
            assertThat(token.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(token.message()).contains("not issued for its host name");
            assertThat(token.fix()).contains(MimecastKeys.API_ENDPOINT).contains("host names are always checked");
            assertThat(f.server.requests()).isEmpty();
        }
    }

    @Test
    void anIndexBehindAnUntrustedCertificateIsRefusedNamingItsCaBundle() throws Exception {
        int port = URI.create(node.url()).getPort();
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly());
                TlsProxy proxy = TlsProxy.start(loopback.sslContext(), "127.0.0.1", port)) {
            assertThatThrownBy(() -> m.host("sink.elasticsearch.url", proxy.url()).close())
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                        assertThat(e.getMessage()).contains("sink.elasticsearch.ca-bundle").contains("not trusted")
                                .contains(proxy.url());
                    });
            assertThat(proxy.handshakes()).as("connections that got past the handshake").isZero();
            assertThat(m.server.requests()).isEmpty();
        }
    }

    @Test
    void withItsCaBundleDocumentsLandInAnIndexBehindTls() throws Exception {
        int port = URI.create(node.url()).getPort();
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly());
                TlsProxy proxy = TlsProxy.start(loopback.sslContext(), "127.0.0.1", port);
                Host host = m.host("sink.elasticsearch.url", proxy.url(),
                        "sink.elasticsearch.ca-bundle", ca.pem().toString())) {
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            ArchiveTally tally = m.tally();
            assertThat(ofKind(host, MimecastDocuments.KIND_EMAIL)).hasSize((int) tally.emails(tally.mailboxes()))
                    .isNotEmpty();
            assertThat(proxy.handshakes()).isPositive();
        }
    }
}
