package io.connectorkit.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configuration file of a Mimecast crawl as the integration tests write it: the fake server as
 * both API and authentication endpoint, the client secret read from {@value #SECRET_VARIABLE},
 * messages from 2019, no statistics calls, no text extraction, and the index. Its
 * {@code connector.id} (so its index, {@code connector-<id>}) is the test class's name followed by
 * a name the test chooses, so that tests sharing one node never see each other's documents.
 */
public final class CrawlConfig {
    /** The environment variable the written {@code mimecast.client-secret} refers to. */
    public static final String SECRET_VARIABLE = "TEST_MIMECAST_SECRET";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final String id;
    private final Map<String, String> values = new LinkedHashMap<>();

    private CrawlConfig(String id, String mimecastUrl, String clientId, String indexUrl) {
        this.id = id;
        values.put("connector.type", "mimecast");
        values.put("connector.id", id);
        values.put("mimecast.api-endpoint", mimecastUrl);
        values.put("mimecast.auth-endpoint", mimecastUrl);
        values.put("mimecast.client-id", clientId);
        values.put("mimecast.client-secret", "${env:" + SECRET_VARIABLE + "}");
        values.put("mimecast.messages.start-date", "2019-01-01");
        values.put("mimecast.stats-interval-seconds", "0");
        values.put("extract.text", "false");
        values.put("sink.elasticsearch.url", indexUrl);
    }

    /**
     * @param test the test class, whose name starts the connector id
     * @param name the rest of the connector id, unique within the test class (lower case letters,
     *     digits, '.', '_', '-')
     * @param mimecastUrl the base URL of the fake Mimecast server or simulator
     * @param clientId the OAuth client id the server accepts
     * @param indexUrl the index: the shared node's URL or a proxy's in front of it
     * @return the configuration, to adjust with {@link #with} and then {@link #write}
     */
    public static CrawlConfig mimecast(Class<?> test, String name, String mimecastUrl, String clientId,
            String indexUrl) {
        requireNonNull(test, "test");
        requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("connector id name '" + name + "' must match " + NAME
                    + " (it becomes part of an index name)");
        }
        String prefix = test.getSimpleName().toLowerCase(Locale.ROOT).replaceFirst("it$", "");
        return new CrawlConfig(prefix + "-" + name, requireNonNull(mimecastUrl, "mimecastUrl"),
                requireNonNull(clientId, "clientId"), requireNonNull(indexUrl, "indexUrl"));
    }

    /** Sets a key; a null value removes it. */
    public CrawlConfig with(String key, String value) {
        requireNonNull(key, "key");
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    /** Sets every key of {@code overrides} in its order; null values remove the key. */
    public CrawlConfig with(Map<String, String> overrides) {
        overrides.forEach(this::with);
        return this;
    }

    /** @return the {@code connector.id} written */
    public String id() {
        return id;
    }

    /** @return the content index of this source, {@code connector-<id>} */
    public String index() {
        return "connector-" + id;
    }

    /**
     * Writes (or overwrites) {@code <id>.properties} in {@code dir}.
     *
     * @return the file
     */
    public Path write(Path dir) throws IOException {
        Path file = dir.resolve(id + ".properties");
        Files.writeString(file, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")), StandardCharsets.UTF_8);
        return file;
    }
}
