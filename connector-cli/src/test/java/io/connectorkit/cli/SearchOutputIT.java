package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.testkit.archive.ArchiveGenerator;
import io.connectorkit.testkit.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What {@code connector search} prints for people, after a real crawl. */
@ExtendWith(SharedSearchNode.class)
class SearchOutputIT {
    private static final String SECRET = "hits-Secret-22817";
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    @Test
    void noLineOfTheHitsEndsInSpaces() throws IOException {
        try (FakeMimecastServer server = FakeMimecastServer.builder()
                .archive(ArchiveGenerator.seed(43).domains(1).usersPerDomain(2).messagesPerView(4).generate())
                .clientCredentials("hits-client", SECRET).start()) {
            String config = CrawlConfig.mimecast(SearchOutputIT.class, "hits", server.baseUrl(), "hits-client",
                    node.url()).write(dir).toString();
            Map<String, String> env = Map.of(CrawlConfig.SECRET_VARIABLE, SECRET);
            CliRun crawl = CliRun.run(env, "crawl", "--config", config);
            assertThat(crawl.status).as(crawl.toString()).isZero();
            CliRun search = CliRun.run(env, "search", "--config", config, "*");
            assertThat(search.status).as(search.toString()).isZero();
            assertThat(search.out).contains("matching documents").contains("    from ");
            assertThat(search.out.lines()).as(search.out).noneMatch(l -> !l.equals(l.stripTrailing()));
        }
    }
}
