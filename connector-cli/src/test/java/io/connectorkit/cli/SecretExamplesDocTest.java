package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every configuration example in README.md and docs/*.md takes the value of a secret key (one
 * declared {@code secret()} in a ConfigSpec) from an {@code ${env:...}} or {@code ${file:...}}
 * reference, so that nobody copies a literal secret into a file from the docs.
 */
class SecretExamplesDocTest {
    private static final Pattern FENCE = Pattern.compile("```[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):[^}]+}");

    static Set<String> secretKeys() {
        return ConfigSections.all().stream().flatMap(s -> s.spec().keys().stream()).filter(ConfigKey::isSecret)
                .map(ConfigKey::name).collect(Collectors.toSet());
    }

    /**
     * The secret keys set in the fenced blocks of a text to something other than a reference.
     *
     * @param name the file, for messages
     * @param text its text
     * @return one entry per offending line
     */
    static List<String> literalSecrets(String name, String text, Set<String> keys) {
        List<String> bad = new ArrayList<>();
        Matcher block = FENCE.matcher(text);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                String l = line.strip().replaceFirst("^#\\s*", "");
                for (String key : keys) {
                    Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(key) + "\\s*[=:]\\s*(.*)$").matcher(l);
                    if (m.find()) {
                        String value = m.group(1).strip();
                        if (!value.isEmpty() && !REFERENCE.matcher(value).matches()) {
                            bad.add(name + ": " + line.strip());
                        }
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void docExamplesTakeSecretsFromReferences() throws IOException {
        Set<String> keys = secretKeys();
        assertThat(keys).contains("mimecast.client-secret", "sink.elasticsearch.password", "sink.elasticsearch.api-key");
        List<Path> files = new ArrayList<>(List.of(RepoFiles.resolve("README.md")));
        try (Stream<Path> docs = Files.list(RepoFiles.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> bad = new ArrayList<>();
        int examples = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            bad.addAll(literalSecrets(f.getFileName().toString(), text, keys));
            examples += REFERENCE.matcher(text).results().count();
        }
        assertThat(examples).as("the docs show secrets taken from references").isPositive();
        assertThat(bad).as("examples with a literal secret; write ${env:NAME} or ${file:/path} instead").isEmpty();
    }

    @Test
    void aLiteralSecretInAnExampleIsFound() {
        Set<String> keys = Set.of("mimecast.client-secret", "sink.elasticsearch.password");
        String doc = "text mimecast.client-secret=outside a block\n```properties\nmimecast.client-id=abc\n"
                + "mimecast.client-secret=${env:MIMECAST_CLIENT_SECRET}\n# sink.elasticsearch.password=hunter22\n"
                + "sink.elasticsearch.password = ${file:/run/secrets/es}\n```\n";
        assertThat(literalSecrets("x.md", doc, keys)).containsExactly("x.md: # sink.elasticsearch.password=hunter22");
    }
}
