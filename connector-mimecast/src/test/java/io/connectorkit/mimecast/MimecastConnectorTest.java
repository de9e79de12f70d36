package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Capability;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.mimecast.http.MimecastStats;
import io.connectorkit.testkit.contract.RecordingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimecastConnectorTest {
    @TempDir
    Path temp;

    @Test
    void isFoundByServiceLoaderAsTypeMimecast() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c.type().equals("mimecast")).toList()).hasSize(1)
                .allSatisfy(c -> assertThat(c).isInstanceOf(MimecastConnector.class));
    }

    @Test
    void declaresWhatItCanDo() {
        assertThat(new MimecastConnector().capabilities()).containsExactlyInAnyOrder(Capability.INCREMENTAL,
                Capability.DELETIONS, Capability.ACLS, Capability.ATTACHMENTS, Capability.BINARY_CONTENT);
    }

    @Test
    void openingDoesNoNetworkIoAndClosingTwiceIsHarmless() throws Exception {
        MimecastConnector connector = new MimecastConnector();
        // Nothing listens on port 9: opening must still succeed because it makes no call.
        var config = connector.configSpec().parse(java.util.Map.of(
                MimecastKeys.API_ENDPOINT, "http://127.0.0.1:9", MimecastKeys.AUTH_ENDPOINT, "http://127.0.0.1:9",
                MimecastKeys.CLIENT_ID, "id", MimecastKeys.CLIENT_SECRET, "secret",
                MimecastKeys.START_DATE, "2024-01-01"));
        ConnectorSession session = connector.open(config, new RecordingContext("test", Clock.systemUTC(), temp));
        session.close();
        session.close();
    }

    @Test
    void statsCountCallsErrorsAndRateLimits() throws Exception {
        RecordingContext context = new RecordingContext("test", Clock.systemUTC(), temp);
        MimecastStats stats = new MimecastStats(MimecastConfig.from(MimecastKeys.spec()
                .parse(MimecastConfigTest.minimal())), context);
        stats.call();
        stats.call();
        stats.httpError(429);
        stats.httpError(503);
        stats.download(42);
        assertThat(context.counter(ConnectorMetrics.CALLS)).isEqualTo(2);
        assertThat(context.counter(ConnectorMetrics.RATE_LIMITED)).isEqualTo(1);
        assertThat(context.counter(ConnectorMetrics.HTTP_ERRORS)).isEqualTo(1);
        assertThat(context.counter(ConnectorMetrics.BYTES_DOWNLOADED)).isEqualTo(42);
        assertThat(stats.summary()).contains("2 total").contains("{429=1, 503=1}").contains("429s 1");
    }
}
