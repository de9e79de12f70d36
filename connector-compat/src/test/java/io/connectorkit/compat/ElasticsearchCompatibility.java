package io.connectorkit.compat;

import java.util.Arrays;
import java.util.List;

/** The Elasticsearch versions the suite runs against: the build's list (connector-compat's pom). */
public final class ElasticsearchCompatibility {
    private ElasticsearchCompatibility() {
    }

    /** @return the versions, oldest first */
    public static List<String> versions() {
        String list = System.getProperty("compat.versions", "");
        if (list.isBlank()) {
            throw new IllegalStateException("compat.versions is not set: run the suite through Maven");
        }
        return Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    /** @return the suite's version of that major line, such as 8.19.21 for 8 */
    public static String version(int major) {
        return versions().stream().filter(v -> v.startsWith(major + ".")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch " + major + ".x in " + versions()));
    }
}
