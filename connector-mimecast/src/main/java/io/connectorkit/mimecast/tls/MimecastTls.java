package io.connectorkit.mimecast.tls;

import io.connectorkit.api.support.PemTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a refused certificate means for the HTTPS calls to Mimecast. The trust itself (the JDK's
 * default trust store, plus the CA certificates of {@code mimecast.tls.ca-bundle} when set) is
 * {@link PemTrust}'s: verification and host name checking are always on.
 */
public final class MimecastTls {
    private MimecastTls() {
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
        // A refusal without the JDK's explanation is reported as the I/O error it is.
        Optional<PemTrust.Refusal> refusal = PemTrust.refusal(e).filter(r -> r.detail() != null);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        String detail = refusal.get().detail();
        boolean hostMismatch = refusal.get().hostMismatch();
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
