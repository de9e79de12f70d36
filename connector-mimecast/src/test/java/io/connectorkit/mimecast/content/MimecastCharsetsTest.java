package io.connectorkit.mimecast.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MimecastCharsetsTest {
    private static MimecastCharsets.Decoded decode(String escaped, String charset) {
        byte[] bytes = HostileMessages.bytes(escaped);
        return MimecastCharsets.decode(bytes, bytes.length, charset);
    }

    @Test
    void validUtf8IsReadAsUtf8WhateverAsciiOrNothingIsDeclared() {
        for (String declared : new String[] {null, "", "utf-8", "us-ascii", "UTF8"}) {
            MimecastCharsets.Decoded d = decode("caf\\xC3\\xA9", declared);
            assertThat(d.text()).as(declared).isEqualTo("café");
            assertThat(d.issues()).as(declared).isEmpty();
        }
    }

    @Test
    void eightBitTextDeclaredUtf8IsReadAsWindows1252() {
        MimecastCharsets.Decoded d = decode("caf\\xE9 cr\\xE8me \\x80", "utf-8");
        assertThat(d.text()).isEqualTo("café crème €");
        assertThat(d.issues()).containsExactly(MimecastCharsets.MISMATCH);
    }

    @Test
    void invalidSequencesAmongValidOnesBecomeReplacementCharacters() {
        MimecastCharsets.Decoded d = decode("ok \\xC3\\xA9 bad \\xC3\\x28 \\xFF end", "utf-8");
        assertThat(d.text()).isEqualTo("ok é bad \uFFFD( \uFFFD end");
        assertThat(d.issues()).containsExactly(MimecastCharsets.INVALID);
    }

    @Test
    void anUnknownCharsetIsReadByTheUtf8RulesAndSaidSo() {
        assertThat(decode("caf\\xC3\\xA9", "x-unknown")).isEqualTo(
                new MimecastCharsets.Decoded("café", java.util.List.of(MimecastCharsets.UNKNOWN)));
        assertThat(decode("caf\\xE9", "not a charset!").issues())
                .containsExactly(MimecastCharsets.UNKNOWN, MimecastCharsets.MISMATCH);
    }

    @Test
    void anotherKnownCharsetIsUsedAsDeclared() {
        MimecastCharsets.Decoded d = decode("\\xC3\\xA9", "iso-8859-1");
        assertThat(d.text()).isEqualTo("Ã©");
        assertThat(d.issues()).isEmpty();
    }
}
