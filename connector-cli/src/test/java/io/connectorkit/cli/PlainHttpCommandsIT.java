package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain http to another machine, through the packaged command: {@code check} and {@code crawl}
 * warn, naming the key and the URL (without credentials), before they try to connect, so the
 * warning shows even when the endpoint cannot be reached. The hosts are in {@code .invalid},
 * which never resolves: nothing is sent anywhere and the runs end fast. (Loopback http draws no
 * warning: {@code CommandsIT#checkPassesAgainstAWorkingTenant} expects an empty standard error.)
 */
@ExtendWith(SharedSearchNode.class)
class PlainHttpCommandsIT {
    private static final String SECRET = "plain-Secret-40917";
    private static final FakeTenant TENANT = new FakeTenant(PlainHttpCommandsIT.class, "plain-client", SECRET);
    private static final String TAIL = " is plain http to a host other than this machine: the secret, the tokens and"
            + " the mail sent there would travel unencrypted; use https";
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    @Test
    void checkAndCrawlWarnAboutPlainHttpToAnotherHostBeforeConnecting() throws Exception {
        Path remoteMimecast = TENANT.config("mimecast", "http://mimecast.invalid:8080", node.url())
                .with(Map.of("mimecast.http.connect-timeout-seconds", "1", "mimecast.retry.max-wait-seconds", "0"))
                .write(dir);
        CliRun check = TENANT.process(dir, "check", "--config", remoteMimecast.toString());
        assertThat(check.status).as(check.toString()).isNotZero();
        assertThat(check.err).as(check.toString())
                .contains("warning: mimecast.api-endpoint = 'http://mimecast.invalid:8080'" + TAIL)
                .contains("warning: mimecast.auth-endpoint = 'http://mimecast.invalid:8080'" + TAIL)
                .doesNotContain("sink.elasticsearch.url = ").doesNotContain(SECRET);
        assertThat(check.err.indexOf("warning: mimecast.api-endpoint")).as("the warning comes first\n%s", check)
                .isGreaterThanOrEqualTo(0).isLessThan(check.err.indexOf("error:"));

        Path remoteIndex = TENANT.config("index", "http://127.0.0.1:9", "http://elastic:hunter2-pw@index.invalid:9200")
                .with("sink.retry.max-wait-seconds", "0").write(dir);
        CliRun crawl = TENANT.process(dir, "crawl", "--config", remoteIndex.toString());
        assertThat(crawl.status).as(crawl.toString()).isNotZero();
        assertThat(crawl.err).as(crawl.toString())
                .contains("warning: sink.elasticsearch.url = 'http://index.invalid:9200'" + TAIL)
                .doesNotContain("mimecast.api-endpoint = ").doesNotContain("hunter2-pw");
        assertThat(crawl.err.indexOf("warning: sink.elasticsearch.url")).as("the warning comes first\n%s", crawl)
                .isGreaterThanOrEqualTo(0).isLessThan(crawl.err.indexOf("error:"));
    }
}
