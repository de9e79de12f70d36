package io.connectorkit.cli.config;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.SourceConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The warnings {@code check} and {@code crawl} print for plain {@code http://} endpoints (the
 * Mimecast endpoints, the index, any URL-typed key) on a host other than this machine: the client
 * secret, the tokens, the index's credentials and the mail would cross the network unencrypted.
 * Loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) and {@code https} draw none. Host
 * names are never looked up: the decision depends on the text alone.
 */
public final class PlainHttpWarning {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PlainHttpWarning() {
    }

    /**
     * @param config a validated configuration
     * @return one sentence per key whose value holds a plain-http URL to another machine
     */
    public static List<String> of(SourceConfig config) {
        List<String> warnings = new ArrayList<>();
        for (ConfigKey key : config.spec().keys()) {
            if (key.type() != ConfigType.URL && key.type() != ConfigType.URL_LIST) {
                continue;
            }
            Optional<String> value = config.get(key.name());
            if (value.isEmpty() || value.get().isBlank()) {
                continue;
            }
            for (String url : value.get().split(",")) {
                remote(url.strip()).ifPresent(shown -> warnings.add(key.name() + " = '" + shown + "' is plain http to"
                        + " a host other than this machine: the secret, the tokens and the mail sent there would"
                        + " travel unencrypted; use https"));
            }
        }
        return warnings;
    }

    /**
     * @param url a URL as configured
     * @return the URL without credentials, path or query when it is plain http to another machine
     */
    static Optional<String> remote(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http") || uri.getHost() == null
                || loopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("http://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    /**
     * @param host a URL's host: a name, an IPv4 literal or a bracketed IPv6 literal
     * @return whether it names this machine's loopback interface
     */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean v4 = IPV4.matcher(h).matches();
        if (v4) {
            for (String octet : h.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
        } else if (!h.contains(":")) {
            return false;
        }
        try {
            // A literal address: parsed, never looked up.
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
