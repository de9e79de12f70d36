package io.connectorkit.simulator.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A private certificate authority made at test time with the JDK's {@code keytool}: an EC P-256
 * CA valid for two days, its certificate as a PEM file ({@link #pem()}, what a client is given as
 * its CA bundle), and server certificates it signs ({@link #issue}). Nothing is trusted by the
 * JDK's default trust store, so a client that is not given the PEM refuses every handshake.
 *
 * <pre>{@code
 * TestCa ca = TestCa.create(tempDir);
 * ServerCertificate loopback = ca.issueForLoopback();   // SAN ip:127.0.0.1, dns:localhost
 * FakeMimecastServer server = FakeMimecastServer.builder().https(loopback.sslContext())...start();
 * config.put("mimecast.tls.ca-bundle", ca.pem().toString());
 * }</pre>
 */
public final class TestCa {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String VALIDITY_DAYS = "2";

    private final Path directory;
    private final Keytool keytool;
    private final String password;
    private final Path pem;
    private final X509Certificate certificate;

    private TestCa(Path directory, Keytool keytool, String password, Path pem, X509Certificate certificate) {
        this.directory = directory;
        this.keytool = keytool;
        this.password = password;
        this.pem = pem;
        this.certificate = certificate;
    }

    /**
     * Makes a CA in a directory (two keytool runs).
     *
     * @param directory where the key stores and PEM files go; a test's temporary directory
     * @return the CA
     * @throws IOException if keytool fails
     */
    public static TestCa create(Path directory) throws IOException {
        Files.createDirectories(requireNonNull(directory, "directory"));
        Keytool keytool = new Keytool(directory);
        String password = UUID.randomUUID().toString();
        keytool.run("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=connectorkit test CA " + UUID.randomUUID(), "-ext", "bc:c=ca:true",
                "-ext", "KU:c=keyCertSign,cRLSign", "-validity", VALIDITY_DAYS,
                "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool.run("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", password,
                "-file", "ca.pem");
        Path pem = directory.resolve("ca.pem");
        return new TestCa(directory, keytool, password, pem, readCertificate(pem));
    }

    /** @return the PEM file with the CA certificate: the CA bundle a client is configured with */
    public Path pem() {
        return pem;
    }

    /** @return the CA certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A server certificate for {@code 127.0.0.1} and {@code localhost}, the names a client of a
     * loopback server checks.
     *
     * @return the certificate and its key
     * @throws IOException if keytool fails
     */
    public ServerCertificate issueForLoopback() throws IOException {
        return issue("loopback", "ip:127.0.0.1", "dns:localhost");
    }

    /**
     * Signs a server certificate (three keytool runs).
     *
     * @param name a file-name-safe label, such as {@code wrong-host}; also the certificate's CN
     * @param subjectAltNames keytool SAN entries such as {@code ip:127.0.0.1} or {@code dns:host.example}
     * @return the certificate and its key, chained to this CA
     * @throws IOException if keytool fails
     */
    public ServerCertificate issue(String name, String... subjectAltNames) throws IOException {
        if (!NAME.matcher(requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits and '-', got '" + name + "'");
        }
        if (subjectAltNames.length == 0) {
            throw new IllegalArgumentException("give at least one subject alternative name, such as ip:127.0.0.1");
        }
        String store = name + ".p12";
        keytool.run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-validity", VALIDITY_DAYS, "-keystore", store, "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        keytool.run("-certreq", "-alias", "server", "-keystore", store, "-storepass", password,
                "-file", name + ".csr");
        keytool.run("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", password,
                "-infile", name + ".csr", "-outfile", name + ".pem", "-validity", VALIDITY_DAYS,
                "-ext", "SAN=" + String.join(",", subjectAltNames), "-ext", "EKU=serverAuth",
                "-ext", "KU=digitalSignature");
        X509Certificate leaf = readCertificate(directory.resolve(name + ".pem"));
        try (InputStream in = Files.newInputStream(directory.resolve(store))) {
            KeyStore issued = KeyStore.getInstance("PKCS12");
            issued.load(in, password.toCharArray());
            PrivateKey key = (PrivateKey) issued.getKey("server", password.toCharArray());
            KeyStore chained = KeyStore.getInstance("PKCS12");
            chained.load(null, null);
            chained.setKeyEntry("server", key, password.toCharArray(), new Certificate[] {leaf, certificate});
            return new ServerCertificate(leaf, chained, password.toCharArray(), List.of(subjectAltNames));
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not read the key keytool made in " + store + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("keytool wrote no readable certificate to " + file + ": " + e.getMessage(), e);
        }
    }
}
