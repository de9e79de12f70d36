package io.connectorkit.mimecast.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser against {@link HostileMessages}: each rule for bad input, one test each. */
class MimecastEmlParserHostileTest {
    private static final Set<String> REFUSED = Set.of("not-mime", "empty-eml");

    @TempDir
    Path temp;

    private MimecastMessageContent parse(String name) throws IOException {
        return parse(HostileMessages.all().get(name));
    }

    private MimecastMessageContent parse(byte[] eml) throws IOException {
        return new MimecastEmlParser(temp).parse(new ByteArrayInputStream(eml), true, 1 << 20);
    }

    static Stream<Arguments> readable() {
        return HostileMessages.all().keySet().stream().filter(n -> !REFUSED.contains(n)).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("readable")
    void everyHostileMessageButTheRefusedOnesKeepsItsBodyText(String name) throws IOException {
        try (MimecastMessageContent c = parse(name)) {
            assertThat(c.bodyText()).contains(HostileMessages.marker(name));
        }
    }

    @Test
    void bytesThatAreNoMessageAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parse("empty-eml")).isInstanceOf(IOException.class).hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> parse("not-mime")).isInstanceOf(IOException.class)
                .hasMessageContaining("does not start with a header field").hasMessageContaining("89 50 4e 47");
    }

    @Test
    void aMessageWithoutHeadersOrWithAnMboxLineOrAByteOrderMarkIsStillRead() throws IOException {
        try (MimecastMessageContent c = parse("\r\nonly a body\r\n".getBytes(StandardCharsets.US_ASCII))) {
            assertThat(c.bodyText()).contains("only a body");
        }
        try (MimecastMessageContent c = parse("From x@y.z Mon Jan 15 09:12:40 2024\r\nSubject: s\r\n\r\nb\r\n"
                .getBytes(StandardCharsets.US_ASCII))) {
            assertThat(c.bodyText()).contains("b");
        }
        try (MimecastMessageContent c = parse(HostileMessages.bytes("\\xEF\\xBB\\xBFSubject: bom\r\n\r\nbody\r\n"))) {
            assertThat(c.subject()).isEqualTo("bom");
        }
    }

    @Test
    void aMultipartWhoseBoundaryNeverAppearsKeepsItsTextAsTheBody() throws IOException {
        try (MimecastMessageContent c = parse("boundary-absent")) {
            assertThat(c.bodyText()).startsWith("This is not a part at all.");
            assertThat(c.issues()).containsExactly(MimecastEmlParser.NO_PARTS);
        }
        try (MimecastMessageContent c = parse("boundary-unclosed")) {
            assertThat(c.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("notes.txt"));
            assertThat(c.issues()).isEmpty();
        }
    }

    @Test
    void anHtmlBodyWithAnUnclosedScriptKeepsTheTextBeforeIt() throws IOException {
        try (MimecastMessageContent c = parse("html-unclosed")) {
            assertThat(c.bodyText()).isEqualTo("Body of html-unclosed " + HostileMessages.marker("html-unclosed")
                    + " 1 < 2");
        }
    }

    @Test
    void bodyCharsetsFollowTheCharsetRules() throws IOException {
        try (MimecastMessageContent c = parse("charset-wrong")) {
            assertThat(c.bodyText()).contains("café crème brûlée");
            assertThat(c.issues()).containsExactly(MimecastCharsets.MISMATCH);
        }
        try (MimecastMessageContent c = parse("charset-unknown")) {
            assertThat(c.bodyText()).contains("café");
            assertThat(c.issues()).containsExactly(MimecastCharsets.UNKNOWN);
        }
        try (MimecastMessageContent c = parse("invalid-utf8")) {
            assertThat(c.bodyText()).contains("ok é bad \uFFFD(");
            assertThat(c.issues()).containsExactly(MimecastCharsets.INVALID);
        }
    }

    @Test
    void eightBitHeadersAreReadAsUtf8OrElseWindows1252() throws IOException {
        try (MimecastMessageContent c = parse("raw-8bit-headers")) {
            assertThat(c.subject()).isEqualTo("Grüße aus Köln");
            assertThat(c.from()).containsExactly("juergen@partner.net");
        }
        try (MimecastMessageContent c = parse("raw-latin1-header")) {
            assertThat(c.subject()).isEqualTo("Crème brûlée");
        }
        try (MimecastMessageContent c = parse("invalid-utf8")) {
            assertThat(c.subject()).isEqualTo("Bad Ã( bytes ÿ here");
        }
    }

    @Test
    void malformedEncodedWordsAreKeptAsWritten() throws IOException {
        Map<String, String> expected = Map.of("word-bad-base64", "=?UTF-8?B?@@not*base64!!?= tail",
                "word-unknown-charset", "=?x-klingon?Q?Qapla=21?= after",
                "word-unterminated", "=?UTF-8?Q?Unterminated_word");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            try (MimecastMessageContent c = parse(e.getKey())) {
                assertThat(c.subject()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void datesFallBackByTheDocumentedRules() throws IOException {
        Map<String, Instant> readable = Map.of("date-two-digit-year", Instant.parse("1998-02-14T04:31:30Z"),
                "date-no-zone", Instant.parse("2003-07-01T10:52:37Z"));
        for (Map.Entry<String, Instant> e : readable.entrySet()) {
            try (MimecastMessageContent c = parse(e.getKey())) {
                assertThat(c.sent()).as(e.getKey()).isEqualTo(e.getValue());
                assertThat(c.issues()).isEmpty();
            }
        }
        try (MimecastMessageContent c = parse("date-garbage")) {
            assertThat(c.sent()).isNull();
            assertThat(c.issues()).containsExactly(MimecastEmlParser.DATE_UNREADABLE);
        }
        try (MimecastMessageContent c = parse("date-missing")) {
            assertThat(c.sent()).isNull();
            assertThat(c.issues()).isEmpty();
        }
    }

    @Test
    void emptyNamelessAndDeeplyNestedPartsAreAttachments() throws IOException {
        try (MimecastMessageContent c = parse("empty-attachment")) {
            assertThat(c.attachments()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("empty.txt");
                assertThat(a.size()).isZero();
                assertThat(a.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            });
        }
        try (MimecastMessageContent c = parse("nameless-attachment")) {
            assertThat(c.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isNull());
        }
        try (MimecastMessageContent c = parse("nested-rfc822")) {
            assertThat(c.subject()).isEqualTo("Level 0");
            assertThat(c.attachments()).singleElement().satisfies(a -> {
                assertThat(a.mediaType()).isEqualTo("message/rfc822");
                assertThat(a.name()).isNull();
            });
        }
    }

    @Test
    void bodyTextPastFiveMillionBytesIsCutAndMarked() throws IOException {
        byte[] head = "Subject: big\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] eml = new byte[head.length + 5_000_100];
        System.arraycopy(head, 0, eml, 0, head.length);
        java.util.Arrays.fill(eml, head.length, eml.length, (byte) 'a');
        try (MimecastMessageContent c = parse(eml)) {
            assertThat(c.bodyText()).hasSize(5_000_000 + MimecastEmlParser.TRUNCATED.length())
                    .endsWith(MimecastEmlParser.TRUNCATED);
            assertThat(c.issues()).containsExactly(MimecastEmlParser.BODY_TRUNCATED);
        }
    }
}
