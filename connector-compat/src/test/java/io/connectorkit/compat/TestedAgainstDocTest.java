package io.connectorkit.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "tested against" table of README.md and docs/architecture.md is the suite's: the same
 * table in both, its Elasticsearch versions exactly the build's list (connector-compat's pom),
 * each with a test class of its major version, and its OpenSearch version the embedded node's.
 */
class TestedAgainstDocTest {
    private static final Pattern TABLE = Pattern.compile(
            "<!-- tested-against:[^>]*-->\\n(.*?)<!-- /tested-against -->", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (Elasticsearch|OpenSearch \\(embedded\\)) \\| (\\S+) \\|");

    private static String table(String file) throws IOException {
        Path path = Path.of(System.getProperty("repo.root", "..")).resolve(file);
        Matcher m = TABLE.matcher(Files.readString(path, StandardCharsets.UTF_8));
        assertThat(m.find()).as("%s has the tested-against table between its markers", path).isTrue();
        return m.group(1);
    }

    @Test
    void theTableListsExactlyTheSuitesVersionsInBothDocuments() throws Exception {
        String readme = table("README.md");
        assertThat(table("docs/architecture.md")).as("the same table in docs/architecture.md").isEqualTo(readme);
        List<String> elasticsearch = new ArrayList<>();
        List<String> openSearch = new ArrayList<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            (row.group(1).equals("Elasticsearch") ? elasticsearch : openSearch).add(row.group(2));
        }
        assertThat(elasticsearch).as("the Elasticsearch rows").isEqualTo(ElasticsearchCompatibility.versions());
        assertThat(openSearch).as("the embedded OpenSearch row").containsExactly(System.getProperty("opensearch.version"));
        for (String version : elasticsearch) {
            String major = version.substring(0, version.indexOf('.'));
            assertThat(Class.forName("io.connectorkit.compat.Elasticsearch" + major + "IT"))
                    .as("a test class runs %s", version).isNotNull();
        }
    }
}
