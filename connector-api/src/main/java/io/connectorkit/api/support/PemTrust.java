package io.connectorkit.api.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * CA certificates from a PEM file, trusted in addition to the JDK's default trust store.
 * Certificate and host name verification stay on: there is deliberately no way to turn them off
 * (a private CA or a TLS-inspecting proxy's CA goes in the PEM file instead).
 *
 * <p>Every error message says what is wrong and how to fix it, without naming a configuration
 * key, so that each caller can attach the message to its own key. All methods are stateless and
 * thread-safe.
 */
public final class PemTrust {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");
    private static final String WHAT = "give the path of a PEM file with the CA certificate(s) that signed the"
            + " server's certificate (-----BEGIN CERTIFICATE----- blocks), or leave it blank to trust only the JDK's"
            + " default trust store";

    /**
     * Why a server's certificate was refused.
     *
     * @param hostMismatch whether the certificate is valid but issued for another host name
     * @param detail the JDK's explanation; may be {@code null} when the JDK gave none
     */
    public record Refusal(boolean hostMismatch, String detail) { }

    private PemTrust() {
    }

    /**
     * Validates the value of a configuration key that names a PEM file, for use as a
     * configuration validator.
     *
     * @param value the trimmed value, not {@code null}
     * @return {@code null} when blank or a readable PEM file with at least one certificate, else
     *     what is wrong and the fix
     */
    public static String problem(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            read(Path.of(value));
            return null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * Reads every certificate of a PEM file (text around the blocks is ignored, as in system
     * bundles).
     *
     * @param file the file, not {@code null}
     * @return at least one certificate
     * @throws IOException if the file is missing, a directory, unreadable or holds no certificate;
     *     the message says the fix
     * @throws GeneralSecurityException if a certificate block cannot be parsed; the message names
     *     the block's position and says the fix
     */
    public static List<X509Certificate> read(Path file) throws IOException, GeneralSecurityException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory; " + WHAT);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file; " + WHAT, e);
        } catch (AccessDeniedException e) {
            throw new IOException("the file cannot be read (permission denied); make it readable by the user that"
                    + " runs the connector", e);
        }
        return parse(text);
    }

    /**
     * Reads every certificate of PEM text (text around the blocks is ignored).
     *
     * @param text the PEM text, not {@code null}
     * @return at least one certificate
     * @throws IOException if the text holds no certificate; the message says the fix
     * @throws GeneralSecurityException if a certificate block cannot be parsed; the message names
     *     the block's position and says the fix
     */
    public static List<X509Certificate> parse(String text) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new CertificateException("certificate " + (certificates.size() + 1) + " in the file cannot be"
                        + " read (" + e.getMessage() + "); export the CA certificate again in PEM (Base64) form", e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException("the file holds no PEM certificate (no -----BEGIN CERTIFICATE----- block); " + WHAT);
        }
        return certificates;
    }

    /**
     * A client TLS context that trusts the JDK's default trust store and the file's certificates.
     *
     * @param bundle the PEM file, not {@code null}
     * @return a new, initialised context
     * @throws IOException if the file cannot be read; see {@link #read(Path)}
     * @throws GeneralSecurityException if a certificate cannot be parsed or the JDK cannot build
     *     the context
     */
    public static SSLContext sslContext(Path bundle) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int n = 0;
        for (X509Certificate c : defaultTrust().getAcceptedIssuers()) {
            trusted.setCertificateEntry("default-" + n++, c);
        }
        for (X509Certificate c : read(bundle)) {
            trusted.setCertificateEntry("bundle-" + n++, c);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /**
     * Whether a connection failure is a refused server certificate, and why. Other failures
     * (refused connections, a handshake the server broke off) are not about trust and give an
     * empty answer, so that the caller can keep treating them as retryable.
     *
     * @param failure a connection failure, not {@code null}; its causes are searched
     * @return the refusal, or empty for failures that are not about the certificate
     */
    public static Optional<Refusal> refusal(Throwable failure) {
        String detail = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException || (t instanceof CertificateException
                    && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("match"))) {
                return Optional.of(new Refusal(true, t.getMessage()));
            }
            if (t instanceof CertificateException) {
                detail = t.getMessage();
            }
        }
        return Optional.ofNullable(detail).map(d -> new Refusal(false, d));
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
