package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeyNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"mimecast.client-secret", "example.token", "db.password", "service.api-key",
        "service.apiKey", "ssh.private-key", "x.ACCESS_TOKEN"})
    void namesEndingInASecretWordLookSecret(String name) {
        assertThat(SecretKeyNames.looksSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mimecast.client-id", "mimecast.auth-endpoint", "mimecast.messages.ignore-delta-tokens",
        "oauth.token-url", "example.root", "secret.folder"})
    void otherNamesDoNot(String name) {
        assertThat(SecretKeyNames.looksSecret(name)).isFalse();
    }
}
