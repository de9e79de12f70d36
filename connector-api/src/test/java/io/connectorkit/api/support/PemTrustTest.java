package io.connectorkit.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM certificates are read with the fix in every error; refused certificates are told from other failures. */
class PemTrustTest {
    @TempDir
    Path dir;

    /** Two real CA certificates from the JDK's trust store, with text around them as in system bundles. */
    private static String pemOfTwo() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509Certificate[] issuers = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
        StringBuilder pem = new StringBuilder("# bundle\n");
        for (int i = 0; i < 2; i++) {
            pem.append("subject=").append(issuers[i].getSubjectX500Principal().getName())
                    .append("\n-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuers[i].getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    @Test
    void certificatesAreReadFromTextAndFilesAndTrustedByTheContext() throws Exception {
        String pem = pemOfTwo();
        assertThat(PemTrust.parse(pem)).hasSize(2);
        Path file = Files.writeString(dir.resolve("ca.pem"), pem);
        assertThat(PemTrust.read(file)).hasSize(2)
                .extracting(X509Certificate::getSubjectX500Principal)
                .doesNotHaveDuplicates();
        assertThat(PemTrust.sslContext(file).getProtocol()).isEqualTo("TLS");
        assertThat(PemTrust.problem("")).isNull();
        assertThat(PemTrust.problem(file.toString())).isNull();
    }

    @Test
    void everyBadFileIsExplainedWithTheFix() throws Exception {
        assertThat(PemTrust.problem(dir.resolve("absent.pem").toString()))
                .startsWith("no such file; give the path of a PEM file");
        assertThat(PemTrust.problem(dir.toString())).startsWith("is a directory; ");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThat(PemTrust.problem(key.toString()))
                .startsWith("the file holds no PEM certificate (no -----BEGIN CERTIFICATE----- block)");
        Path damaged = Files.writeString(dir.resolve("damaged.pem"),
                pemOfTwo() + "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n");
        assertThat(PemTrust.problem(damaged.toString())).startsWith("certificate 3 in the file cannot be read (")
                .endsWith("); export the CA certificate again in PEM (Base64) form");
        assertThatThrownBy(() -> PemTrust.sslContext(damaged)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> PemTrust.parse("")).isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM certificate");
    }

    @Test
    void refusalsAreToldFromOtherFailures() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path to requested target"));
        assertThat(PemTrust.refusal(new IOException("wrapped", untrusted)))
                .contains(new PemTrust.Refusal(false, "unable to find valid certification path to requested target"));
        SSLHandshakeException wrongHost = new SSLHandshakeException("No subject alternative names matching");
        wrongHost.initCause(new CertificateException("No subject alternative names matching IP address 127.0.0.1"));
        assertThat(PemTrust.refusal(wrongHost))
                .contains(new PemTrust.Refusal(true, "No subject alternative names matching IP address 127.0.0.1"));
        assertThat(PemTrust.refusal(new SSLPeerUnverifiedException("Certificate for <h> doesn't match")))
                .hasValueSatisfying(r -> assertThat(r.hostMismatch()).isTrue());
        assertThat(PemTrust.refusal(new ConnectException("Connection refused"))).isEmpty();
        assertThat(PemTrust.refusal(new SSLHandshakeException("Remote host terminated the handshake"))).isEmpty();
    }
}
