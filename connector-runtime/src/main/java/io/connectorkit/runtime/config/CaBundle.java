package io.connectorkit.runtime.config;

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
 * A PEM file of CA certificates trusted in addition to the JDK's default trust store
 * ({@code sink.elasticsearch.ca-bundle}): validation, the client TLS context, and telling a
 * refused certificate from other connection failures. Certificate and host name verification are
 * always on; there is deliberately no way to turn them off.
 */
public final class CaBundle {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");
    private static final String WHAT = "give the path of a PEM file with the CA certificate(s) that signed the"
            + " server's certificate (-----BEGIN CERTIFICATE----- blocks), or leave it blank to trust only the JDK's"
            + " default trust store";

    /**
     * Why a server's certificate was refused.
     *
     * @param hostMismatch whether the certificate is valid but issued for another host name
     * @param detail the JDK's explanation
     */
    public record Refusal(boolean hostMismatch, String detail) { }

    private CaBundle() {
    }

    /**
     * Validates a bundle value, for {@link io.connectorkit.api.config.ConfigKey#validator}.
     *
     * @param value the trimmed value
     * @return {@code null} when blank or a readable PEM file with at least one certificate, else what is wrong and the fix
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
     * Reads every certificate of a PEM file (text around the blocks is ignored).
     *
     * @param file the file
     * @return at least one certificate
     * @throws IOException if the file is missing, unreadable or holds no certificate; the message says the fix
     * @throws GeneralSecurityException if a certificate block cannot be parsed; the message says the fix
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
     * A client TLS context that trusts the JDK's default trust store and the bundle's certificates.
     *
     * @param bundle the PEM file
     * @return the context
     * @throws IOException if the bundle cannot be read
     * @throws GeneralSecurityException if the JDK cannot build the context
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
     * Whether a failure is a refused server certificate, and why.
     *
     * @param failure a connection failure
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
