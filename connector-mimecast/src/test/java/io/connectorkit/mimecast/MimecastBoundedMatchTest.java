package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MimecastBoundedMatchTest {
    @Test
    void findsAnywhereInTheTextLikeAnUnboundedMatch() throws Exception {
        Pattern p = Pattern.compile("(?i)newsletter");
        assertThat(MimecastBoundedMatch.find(p, "Our NEWSLETTER for May", "k", "the subject")).isTrue();
        assertThat(MimecastBoundedMatch.find(p, "Invoice 42", "k", "the subject")).isFalse();
        assertThat(MimecastBoundedMatch.find(p, "", "k", "the subject")).isFalse();
        String longSubject = "lengthy ".repeat(12_500) + "newsletter";
        assertThat(MimecastBoundedMatch.find(p, longSubject, "k", "the subject")).isTrue();
    }

    @Test
    void aMatchThatBacktracksPastItsBoundIsStoppedNamingTheKeyAndTheFix() {
        Pattern p = Pattern.compile("^(a|a){1,100}$");
        String crafted = "a".repeat(80) + "!";
        assertThatThrownBy(() -> MimecastBoundedMatch.find(p, crafted, MimecastKeys.EXCLUDE_SUBJECTS, "the subject",
                Duration.ofMillis(20)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT))
                .hasMessageContaining("mimecast.messages.exclude-subjects = ^(a|a){1,100}$")
                .hasMessageContaining("on the subject (81 characters)")
                .hasMessageContaining("remove nested or overlapping repetitions");
    }
}
