package io.connectorkit.testkit.contract;

import java.util.List;
import java.util.Locale;

/**
 * Which configuration key names look like they hold a secret. The rule reads the last word of
 * the last segment, so {@code mimecast.client-secret} and {@code example.token} look secret
 * while {@code mimecast.auth-endpoint} and {@code mimecast.messages.ignore-delta-tokens} do not.
 */
final class SecretKeyNames {
    private static final List<String> SECRET_WORDS = List.of("secret", "password", "passphrase", "token",
            "credential", "credentials");
    private static final List<String> SECRET_ENDINGS = List.of("api-key", "apikey", "private-key", "access-key");

    private SecretKeyNames() {
    }

    /**
     * Whether a key name looks secret.
     *
     * @param name a configuration key, such as {@code mimecast.client-secret}
     * @return {@code true} if its value should be declared secret
     */
    static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String segment = n.substring(n.lastIndexOf('.') + 1);
        for (String ending : SECRET_ENDINGS) {
            if (segment.endsWith(ending)) {
                return true;
            }
        }
        String[] words = segment.split("[-_]");
        return SECRET_WORDS.contains(words[words.length - 1]);
    }
}
