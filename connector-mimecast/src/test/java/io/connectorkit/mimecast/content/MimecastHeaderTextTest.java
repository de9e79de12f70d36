package io.connectorkit.mimecast.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MimecastHeaderTextTest {
    @Test
    void wellFormedWordsAreDecodedAndTheSpaceBetweenThemDropped() {
        assertThat(MimecastHeaderText.decode("=?UTF-8?B?SsO8cmdlbg==?= =?utf-8?q?_M=C3=BCller?= <x@y.z>"))
                .isEqualTo("Jürgen Müller <x@y.z>");
        assertThat(MimecastHeaderText.decode("=?ISO-8859-1*de?Q?Cr=E8me?= br\r\n ulee")).isEqualTo("Crème br ulee");
        assertThat(MimecastHeaderText.decode("=?UTF-8?B?SsO8cmdlbg?=")).as("missing padding").isEqualTo("Jürgen");
    }

    @Test
    void malformedWordsAreKeptAsWritten() {
        assertThat(MimecastHeaderText.decode("=?UTF-8?B?@@not*base64!!?= tail"))
                .isEqualTo("=?UTF-8?B?@@not*base64!!?= tail");
        assertThat(MimecastHeaderText.decode("=?UTF-8?B?SsO8c?= x")).as("impossible length")
                .isEqualTo("=?UTF-8?B?SsO8c?= x");
        assertThat(MimecastHeaderText.decode("=?x-klingon?Q?Qapla=21?= after"))
                .isEqualTo("=?x-klingon?Q?Qapla=21?= after");
        assertThat(MimecastHeaderText.decode("=?UTF-8?Q?bad=ZZescape?=")).isEqualTo("=?UTF-8?Q?bad=ZZescape?=");
        assertThat(MimecastHeaderText.decode("=?UTF-8?Q?Unterminated_word")).isEqualTo("=?UTF-8?Q?Unterminated_word");
        assertThat(MimecastHeaderText.decode("=?UTF-8?Q?ok?= =?UTF-8?B?!!?=")).as("only the bad word kept")
                .isEqualTo("ok =?UTF-8?B?!!?=");
    }

    @Test
    void wordsWithLatin1BytesDeclaredUtf8FollowTheCharsetRules() {
        assertThat(MimecastHeaderText.decode("=?UTF-8?Q?Cr=E8me?=")).isEqualTo("Crème");
    }

    @Test
    void addressesSurviveNonAsciiDisplayNamesAndMailboxes() {
        assertThat(MimecastHeaderText.addresses("Jürgen Müller <Juergen@Partner.net>, bob@example.com"))
                .containsExactly("juergen@partner.net", "bob@example.com");
        assertThat(MimecastHeaderText.addresses("jür@münchen.de")).containsExactly("jür@münchen.de");
        assertThat(MimecastHeaderText.addresses("undisclosed-recipients:;")).isEmpty();
        assertThat(MimecastHeaderText.addresses(" ")).isEmpty();
    }
}
