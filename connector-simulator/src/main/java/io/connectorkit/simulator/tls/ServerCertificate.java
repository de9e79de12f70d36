package io.connectorkit.simulator.tls;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server certificate signed by a {@link TestCa}, with its private key, ready to serve TLS.
 * Immutable.
 */
public final class ServerCertificate {
    private final X509Certificate certificate;
    private final KeyStore keyStore;
    private final char[] password;
    private final List<String> subjectAltNames;

    ServerCertificate(X509Certificate certificate, KeyStore keyStore, char[] password, List<String> subjectAltNames) {
        this.certificate = requireNonNull(certificate, "certificate");
        this.keyStore = requireNonNull(keyStore, "keyStore");
        this.password = requireNonNull(password, "password").clone();
        this.subjectAltNames = List.copyOf(subjectAltNames);
    }

    /** @return the server's certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the SAN entries it was issued for, as given to {@link TestCa#issue} */
    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    /**
     * A server-side TLS context that presents this certificate and the CA's (the full chain).
     *
     * @return a new context
     * @throws IllegalStateException if the JDK cannot build it (it always can for keytool's keys)
     */
    public SSLContext sslContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build a TLS context for " + subjectAltNames + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + subjectAltNames + "]";
    }
}
