package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.support.PemTrust;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sink.elasticsearch.ca-bundle: validation names the key, the value and the fix; refusals are told apart. */
class CaBundleTest {
    @TempDir
    Path dir;

    private Path bundleOfTwo() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509Certificate[] issuers = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
        StringBuilder pem = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            pem.append("# ").append(issuers[i].getSubjectX500Principal().getName()).append("\n-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuers[i].getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.writeString(dir.resolve("http_ca.pem"), pem);
    }

    private static List<ConfigProblem> validate(String value) {
        return RuntimeConfig.SPEC.validate(Map.of("connector.type", "x", "connector.id", "x",
                SinkConfig.CA_BUNDLE, value));
    }

    private static String problem(String value) {
        List<ConfigProblem> problems = validate(value);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo(SinkConfig.CA_BUNDLE);
        assertThat(problems.get(0).value()).isEqualTo(value);
        return problems.get(0).message();
    }

    @Test
    void blankAndAPemFileAreAcceptedAndReadIntoTheSinkConfig() throws Exception {
        Path bundle = bundleOfTwo();
        assertThat(validate("")).isEmpty();
        assertThat(validate(bundle.toString())).isEmpty();
        assertThat(PemTrust.read(bundle)).hasSize(2);
        assertThat(PemTrust.sslContext(bundle)).isNotNull();
        var config = RuntimeConfig.SPEC.parse(Map.of("connector.type", "x", "connector.id", "x",
                SinkConfig.CA_BUNDLE, bundle.toString()));
        assertThat(SinkConfig.from(config, "x").caBundle()).contains(bundle);
        assertThat(SinkConfig.from(RuntimeConfig.SPEC.parse(Map.of("connector.type", "x", "connector.id", "x")), "x")
                .caBundle()).isEmpty();
    }

    @Test
    void missingDirectoryEmptyAndDamagedFilesAreRefusedWithTheFix() throws Exception {
        assertThat(problem(dir.resolve("absent.pem").toString())).contains("no such file").contains("PEM file");
        assertThat(problem(dir.toString())).contains("is a directory");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertThat(problem(empty.toString())).contains("no PEM certificate");
        Path damaged = Files.writeString(dir.resolve("damaged.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(problem(damaged.toString())).contains("certificate 1").contains("PEM (Base64)");
    }

    @Test
    void certificateRefusalsAreToldFromOtherFailures() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path to requested target"));
        assertThat(PemTrust.refusal(new IOException("wrapped", untrusted)))
                .hasValueSatisfying(r -> assertThat(r.hostMismatch()).isFalse());
        SSLHandshakeException wrongHost = new SSLHandshakeException("No subject alternative names matching IP address");
        wrongHost.initCause(new CertificateException("No subject alternative names matching IP address 127.0.0.1 found"));
        assertThat(PemTrust.refusal(wrongHost)).hasValueSatisfying(r -> assertThat(r.hostMismatch()).isTrue());
        assertThat(PemTrust.refusal(new SSLPeerUnverifiedException("Certificate for <h> doesn't match")))
                .hasValueSatisfying(r -> assertThat(r.hostMismatch()).isTrue());
        assertThat(PemTrust.refusal(new ConnectException("Connection refused"))).isEmpty();
        assertThat(PemTrust.refusal(new SSLHandshakeException("Remote host terminated the handshake"))).isEmpty();
    }
}
