package io.connectorkit.mimecast.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.http.MimecastSpool;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimecastEmlParserTest {
    @TempDir
    Path temp;

    private static String message(byte[] big) {
        String b64 = Base64.getMimeEncoder().encodeToString(big);
        return String.join("\r\n",
                "From: Carol <carol@partner.net>",
                "To: Alice <ALICE@example.com>, bob@example.com",
                "Cc: =?UTF-8?B?SsO8cmdlbg==?= <juergen@example.com>",
                "Subject: =?UTF-8?Q?Q1_plan_=E2=82=AC?=",
                "Date: Mon, 15 Jan 2024 09:12:40 +0000",
                "Message-ID: <a1b2c3@partner.net>",
                "In-Reply-To: <prev@partner.net>",
                "References: <root@partner.net>",
                " <prev@partner.net>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "--outer",
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Hi Alice, the plan costs 5 =E2=82=AC.",
                "--alt",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>Hi Alice</p>",
                "--alt--",
                "--outer",
                "Content-Type: application/pdf; name=\"plan.pdf\"",
                "Content-Disposition: attachment; filename=\"=?UTF-8?Q?pl=C3=A4n.pdf?=\"",
                "Content-Transfer-Encoding: base64",
                "",
                b64,
                "--outer",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment",
                "",
                "nameless",
                "--outer--",
                "");
    }

    @Test
    void readsHeadersBodyAndAttachmentsAndSpoolsLargeOnesToDisk() throws Exception {
        byte[] big = new byte[MimecastSpool.MEMORY_THRESHOLD + 12_345];
        new Random(7).nextBytes(big);
        InputStream in = new ByteArrayInputStream(message(big).getBytes(StandardCharsets.US_ASCII));
        try (MimecastMessageContent c = new MimecastEmlParser(temp).parse(in, true, Long.MAX_VALUE)) {
            assertThat(c.subject()).isEqualTo("Q1 plan €");
            assertThat(c.from()).containsExactly("carol@partner.net");
            assertThat(c.to()).containsExactly("alice@example.com", "bob@example.com");
            assertThat(c.cc()).containsExactly("juergen@example.com");
            assertThat(c.sent()).isEqualTo(Instant.parse("2024-01-15T09:12:40Z"));
            assertThat(c.messageId()).isEqualTo("<a1b2c3@partner.net>");
            assertThat(c.inReplyTo()).isEqualTo("<prev@partner.net>");
            assertThat(c.references()).containsExactly("<root@partner.net>", "<prev@partner.net>");
            assertThat(c.bodyText()).contains("the plan costs 5 €");
            assertThat(c.attachments()).hasSize(2);
            MimecastMessageContent.Attachment pdf = c.attachments().get(0);
            assertThat(pdf.name()).isEqualTo("plän.pdf");
            assertThat(pdf.mediaType()).isEqualTo("application/pdf");
            assertThat(pdf.size()).isEqualTo(big.length);
            assertThat(pdf.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(big)));
            try (InputStream back = pdf.content().open()) {
                assertThat(back.readAllBytes()).isEqualTo(big);
            }
            try (Stream<Path> files = Files.list(temp)) {
                assertThat(files.count()).as("large attachment spooled to a temp file").isEqualTo(1);
            }
            assertThat(c.attachments().get(1).name()).isNull();
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.count()).as("temp files deleted on close").isZero();
        }
    }

    @Test
    void bytesOverTheLimitAreCountedButNotKept() throws Exception {
        byte[] big = new byte[50_000];
        InputStream in = new ByteArrayInputStream(message(big).getBytes(StandardCharsets.US_ASCII));
        try (MimecastMessageContent c = new MimecastEmlParser(temp).parse(in, true, 1_000)) {
            MimecastMessageContent.Attachment pdf = c.attachments().get(0);
            assertThat(pdf.size()).isEqualTo(50_000);
            assertThat(pdf.content().overLimit()).isTrue();
            assertThat(c.attachments().get(1).content().overLimit()).isFalse();
        }
    }

    @Test
    void htmlOnlyBodiesBecomeText() throws Exception {
        String eml = String.join("\r\n", "From: a@example.com", "Subject: html",
                "Content-Type: text/html; charset=UTF-8", "",
                "<html><head><style>p{}</style></head><body><p>Hello&nbsp;<b>World</b> &amp; co</p>"
                        + "<script>x()</script><div>next&#33;</div></body></html>", "");
        try (MimecastMessageContent c = new MimecastEmlParser(temp)
                .parse(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)), true, 100)) {
            assertThat(c.bodyText()).isEqualTo("Hello World & co\nnext!");
            assertThat(c.attachments()).isEmpty();
        }
    }
}
