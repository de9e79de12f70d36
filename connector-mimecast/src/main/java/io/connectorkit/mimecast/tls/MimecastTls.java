package io.connectorkit.mimecast.tls;

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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificate trust for the HTTPS calls: the JDK's default trust store, plus the CA certificates
 * of {@code mimecast.tls.ca-bundle} when set. Verification and host name checking are always on;
 * there is deliberately no way to turn them off (a private CA goes in the bundle instead).
 */
public final class MimecastTls {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");
    private static final String WHAT = "give the path of a PEM file with the CA certificate(s) that signed the"
            + " server's certificate (-----BEGIN CERTIFICATE----- blocks), or leave it blank to trust only the JDK's"
            + " default trust store";

    private MimecastTls() {
    }

    /**
     * Validates a {@code mimecast.tls.ca-bundle} value.
     *
     * @param value the trimmed value
     * @return {@code null} when blank or a readable PEM file with at least one certificate, else what is wrong and the fix
     */
    public static String bundleProblem(String value) {
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
     * Reads every certificate of a PEM file.
     *
     * @param file the file
     * @return at least one certificate
     * @throws IOException if the file is missing, unreadable or holds no certificate, with the fix
     * @throws GeneralSecurityException if a certificate block cannot be parsed, with the fix
     */
    static List<X509Certificate> read(Path file) throws IOException, GeneralSecurityException {
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
     * A client context that trusts the JDK's default trust store and the bundle's certificates.
     *
     * @param bundle the PEM file
     * @return the context
     * @throws IOException if the bundle cannot be read
     * @throws GeneralSecurityException if the JDK cannot build the context
     */
    public static SSLContext context(Path bundle) throws IOException, GeneralSecurityException {
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

    /**
     * Explains a failed call when the server's certificate was refused; other I/O errors are not
     * about trust and get an empty answer (they stay retryable).
     *
     * @param e the failure
     * @param url the URL called, already redacted
     * @param caBundle the configured bundle, if any
     * @return the failure to throw, or empty when {@code e} is not a certificate problem
     */
    public static Optional<MimecastTlsException> refused(IOException e, String url, Optional<Path> caBundle) {
        String detail = null;
        boolean hostMismatch = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException || (t instanceof CertificateException
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("match"))) {
                hostMismatch = true;
                detail = t.getMessage();
                break;
            }
            if (t instanceof CertificateException) {
                detail = t.getMessage();
            }
        }
        if (detail == null) {
            return Optional.empty();
        }
        String bundle = caBundle.map(p -> "mimecast.tls.ca-bundle (" + p + ")").orElse("mimecast.tls.ca-bundle");
        if (hostMismatch) {
            return Optional.of(new MimecastTlsException("The TLS certificate of " + url + " is not issued for its"
                    + " host name (" + detail + "); the connection was refused before any data was sent",
                    "Use the host name the certificate was issued for in mimecast.api-endpoint and"
                    + " mimecast.auth-endpoint; " + bundle + " only adds trusted CAs, host names are always checked",
                    e));
        }
        return Optional.of(new MimecastTlsException("The TLS certificate of " + url + " is not trusted (" + detail
                + "); the connection was refused before any data was sent",
                caBundle.isPresent()
                        ? "The certificate chain does not lead to a CA in " + bundle + " or the JDK's trust store: add"
                        + " the CA that signed it (for a TLS-inspecting proxy, the proxy's CA) to that PEM file"
                        : "If Mimecast is reached through a TLS-inspecting proxy or a private CA, save that CA's"
                        + " certificate as a PEM file and set mimecast.tls.ca-bundle to its path (it is trusted in"
                        + " addition to the JDK's trust store); certificate checks cannot be turned off",
                e));
    }
}
