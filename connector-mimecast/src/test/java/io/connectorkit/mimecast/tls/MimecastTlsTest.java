package io.connectorkit.mimecast.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.support.PemTrust;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastConfigTest;
import io.connectorkit.mimecast.MimecastKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation of mimecast.tls.ca-bundle: every bad value is named with the key, the value and the fix. */
class MimecastTlsTest {
    @TempDir
    Path dir;

    /** Two real CA certificates from the JDK's trust store, as PEM with text around them as in system bundles. */
    private Path bundleOfTwo() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509Certificate[] issuers = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
        StringBuilder pem = new StringBuilder("# corporate CAs\n");
        for (int i = 0; i < 2; i++) {
            pem.append("subject=").append(issuers[i].getSubjectX500Principal().getName()).append('\n')
                    .append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuers[i].getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.writeString(dir.resolve("bundle.pem"), pem);
    }

    private static List<ConfigProblem> validate(String value) {
        Map<String, String> m = MimecastConfigTest.minimal();
        m.put(MimecastKeys.TLS_CA_BUNDLE, value);
        return MimecastKeys.spec().validate(m);
    }

    private static ConfigProblem onlyProblem(String value) {
        List<ConfigProblem> problems = validate(value);
        assertThat(problems).hasSize(1);
        ConfigProblem p = problems.get(0);
        assertThat(p.key()).isEqualTo(MimecastKeys.TLS_CA_BUNDLE);
        assertThat(p.value()).isEqualTo(value);
        return p;
    }

    @Test
    void blankAndAPemFileWithSeveralCertificatesAreAccepted() throws Exception {
        Path bundle = bundleOfTwo();
        assertThat(validate("")).isEmpty();
        assertThat(validate(bundle.toString())).isEmpty();
        assertThat(PemTrust.read(bundle)).hasSize(2);
        assertThat(PemTrust.sslContext(bundle).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void aMissingFileIsNamedWithTheFix() {
        String missing = dir.resolve("nope.pem").toString();
        assertThat(onlyProblem(missing).message()).contains("no such file").contains("PEM file");
    }

    @Test
    void aDirectoryIsRefused() {
        assertThat(onlyProblem(dir.toString()).message()).contains("is a directory");
    }

    @Test
    void aFileWithoutACertificateIsRefused() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");
        assertThat(onlyProblem(key.toString()).message()).contains("no PEM certificate")
                .contains("-----BEGIN CERTIFICATE-----");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThat(onlyProblem(empty.toString()).message()).contains("no PEM certificate");
    }

    @Test
    void aDamagedCertificateIsNamedByItsPosition() throws Exception {
        String good = Files.readString(bundleOfTwo());
        Path damaged = Files.writeString(dir.resolve("damaged.pem"),
                good + "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n");
        assertThat(onlyProblem(damaged.toString()).message()).contains("certificate 3").contains("PEM (Base64)");
    }

    @Test
    void theBundleIsReadIntoTheConnectionSettings() throws Exception {
        Path bundle = bundleOfTwo();
        Map<String, String> m = MimecastConfigTest.minimal();
        assertThat(MimecastConfig.from(MimecastKeys.spec().parse(m)).connection().caBundle()).isEmpty();
        m.put(MimecastKeys.TLS_CA_BUNDLE, " " + bundle + " ");
        assertThat(MimecastConfig.from(MimecastKeys.spec().parse(m)).connection().caBundle()).contains(bundle);
    }
}
