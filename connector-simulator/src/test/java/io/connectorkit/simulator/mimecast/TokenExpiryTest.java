package io.connectorkit.simulator.mimecast;

import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.failCode;
import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.simulator.archive.ArchiveGenerator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void tokensExpireAfterTheirTtlAndANewOneWorks() {
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(ArchiveGenerator.seed(3).generate())
                .clientCredentials("id", "secret").tokenTtl(Duration.ofMinutes(30)).clock(clock).start()) {
            ApiClient client = new ApiClient(server.baseUrl());
            assertThat(json(client.tokenResponse("id", "secret")).get("expires_in").getAsLong()).isEqualTo(1800);
            client.login("id", "secret");
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, "{}").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(29).plusSeconds(59));
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, "{}").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            HttpResponse<String> expired = client.post(Endpoint.GET_INTERNAL_DOMAIN, "{}");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(failCode(json(expired))).isEqualTo("token_expired");
            client.login("id", "secret");
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, "{}").statusCode()).isEqualTo(200);
            server.expireTokens();
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, "{}").statusCode()).isEqualTo(401);
            assertThat(server.calls(Endpoint.GET_INTERNAL_DOMAIN, 401)).isEqualTo(2);
        }
    }
}
