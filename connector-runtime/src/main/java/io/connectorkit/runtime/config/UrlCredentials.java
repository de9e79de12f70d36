package io.connectorkit.runtime.config;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.SourceConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user name and password written inside a cluster URL ({@code https://user:password@host}),
 * a form administrators copy from cloud consoles. They become the basic-auth credentials and the
 * URL is used without them, so the password is never shown with the URL; {@link #mask} hides the
 * password of any URL in a text that is about to be shown.
 *
 * @param username the percent-decoded user name
 * @param password the percent-decoded password (secret), blank when the URL names only a user
 */
public record UrlCredentials(String username, String password) {
    /** A URL's authority up to its last '@': the user information, greedy so a raw '@' in a password is covered. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s]*)@");

    /**
     * Copies the values.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public UrlCredentials {
        requireNonNull(username, "username");
        requireNonNull(password, "password");
    }

    /**
     * The credentials written inside a URL.
     *
     * @param url a URL
     * @return the decoded user and password, or empty when the URL has no user information
     */
    public static Optional<UrlCredentials> of(String url) {
        String info = rawUserInfo(url.trim());
        if (info == null) {
            return Optional.empty();
        }
        int colon = info.indexOf(':');
        return Optional.of(colon < 0 ? new UrlCredentials(decode(info), "")
                : new UrlCredentials(decode(info.substring(0, colon)), decode(info.substring(colon + 1))));
    }

    /**
     * A URL without its user information.
     *
     * @param url a URL
     * @return the URL, {@code https://user:password@host/path} becoming {@code https://host/path}
     */
    public static String strip(String url) {
        String u = url.trim();
        int at = userInfoEnd(u);
        return at < 0 ? u : u.substring(0, authorityStart(u)) + u.substring(at + 1);
    }

    /**
     * Hides the password of every URL in a text.
     *
     * @param text any text, or {@code null}
     * @return the text with each {@code user:password@} shown as {@code user:********@}
     */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = USER_INFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String info = m.group(2);
            int colon = info.indexOf(':');
            String shown = colon < 0 ? info : info.substring(0, colon + 1) + SourceConfig.MASK;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + shown + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Hides the password of every URL of a comma-separated list, URLs without a scheme included
     * (a value that failed validation may lack one).
     *
     * @param urls the configured value
     * @return the value safe to show
     */
    public static String maskList(String urls) {
        List<String> out = new ArrayList<>();
        for (String part : urls.split(",", -1)) {
            int at = userInfoEnd(part);
            int start = authorityStart(part);
            int colon = at < 0 ? -1 : part.indexOf(':', start);
            out.add(colon < 0 || colon > at ? part : part.substring(0, colon + 1) + SourceConfig.MASK + part.substring(at));
        }
        return mask(String.join(",", out));
    }

    /**
     * The texts that would reveal the credentials of a configured URL list if printed: each
     * password as written and decoded, and each {@code user:password}.
     *
     * @param urls the configured value, or {@code null}
     * @return the secrets, none when no URL carries a password
     */
    public static Set<String> secrets(String urls) {
        Set<String> out = new LinkedHashSet<>();
        if (urls == null) {
            return out;
        }
        for (String part : urls.split(",")) {
            String info = rawUserInfo(part.trim());
            int colon = info == null ? -1 : info.indexOf(':');
            if (colon >= 0 && colon < info.length() - 1) {
                out.add(info);
                out.add(info.substring(colon + 1));
                of(part).ifPresent(c -> {
                    out.add(c.password());
                    out.add(c.username() + ":" + c.password());
                });
            }
        }
        return out;
    }

    private static String rawUserInfo(String url) {
        int at = userInfoEnd(url);
        return at < 0 ? null : url.substring(authorityStart(url), at);
    }

    private static int authorityStart(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? 0 : scheme + 3;
    }

    /** The index of the '@' that ends the user information, or -1. */
    private static int userInfoEnd(String url) {
        int start = authorityStart(url);
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? at : -1;
    }

    private static String decode(String s) {
        try {
            // URLDecoder reads '+' as a space, which is form encoding, not URL encoding.
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
