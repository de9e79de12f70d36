package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What {@code connector search} prints for people, after a real crawl. */
@ExtendWith(SharedSearchNode.class)
class SearchOutputIT {
    private static final String SECRET = "hits-Secret-22817";
    private static final FakeTenant TENANT = new FakeTenant(SearchOutputIT.class, "hits-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    @Test
    void noLineOfTheHitsEndsInSpaces() throws IOException {
        try (FakeMimecastServer server = TENANT.serve(
                ArchiveGenerator.seed(43).domains(1).usersPerDomain(2).messagesPerView(4).generate())) {
            String config = TENANT.config("hits", server, node.url()).write(dir).toString();
            CliRun crawl = TENANT.run("crawl", "--config", config);
            assertThat(crawl.status).as(crawl.toString()).isZero();
            CliRun search = TENANT.run("search", "--config", config, "*");
            assertThat(search.status).as(search.toString()).isZero();
            assertThat(search.out).contains("matching documents").contains("    from ");
            assertThat(search.out.lines()).as(search.out).noneMatch(l -> !l.equals(l.stripTrailing()));
        }
    }
}
