package io.connectorkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentTest {
    @Test
    void acceptsIndexableTypesAndCopiesCollections() {
        List<String> acl = new ArrayList<>(List.of("alice@example.com"));
        Document d = Document.builder("id-1", "email")
                .title("Hello").field("size", 10L).field("when", Instant.EPOCH).field("to", List.of("a", "b"))
                .field("skipped", null).acl(acl).version("v1").build();
        acl.add("mallory@example.com");
        assertThat(d.acl()).containsExactly("alice@example.com");
        assertThat(d.fields()).containsOnlyKeys("size", "when", "to");
    }

    @Test
    void rejectsUnsupportedFieldTypesNamingTheFieldAndDocument() {
        assertThatThrownBy(() -> Document.builder("id-2", "email").field("meta", Map.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'meta'").hasMessageContaining("id-2");
        assertThatThrownBy(() -> Document.builder("id-3", "email").field("n", List.of(1)).build())
                .hasMessageContaining("only strings");
    }

    @Test
    void checkpointsAreBounded() {
        assertThatThrownBy(() -> new Checkpoint("x".repeat(Checkpoint.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorKindsSayWhatIsRetriedAndWhatIsFatal() {
        assertThat(ErrorKind.RATE_LIMITED.isRetryable()).isTrue();
        assertThat(ErrorKind.TRANSIENT.isRetryable()).isTrue();
        assertThat(ErrorKind.AUTHENTICATION.isRetryable()).isFalse();
        assertThat(ErrorKind.PERMISSION.isFatal()).isTrue();
        assertThat(ErrorKind.PERMANENT.isFatal()).isFalse();
    }
}
