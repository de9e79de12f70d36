package io.connectorkit.mimecast.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MimecastHtmlTest {
    @Test
    void scriptsStylesHeadsAndCommentsAreDroppedWhateverTheirCase() {
        assertThat(MimecastHtml.toText("<HEAD><title>t</title></Head>a<SCRIPT>x()</script >b<!-- c -->d<style>p{}</STYLE>e"))
                .isEqualTo("a b d e");
    }

    @Test
    void anUnclosedScriptOrCommentRunsToTheEndAndALoneAngleBracketStaysText() {
        assertThat(MimecastHtml.toText("keep<script>var x = '<b>'; never closed <p>gone")).isEqualTo("keep");
        assertThat(MimecastHtml.toText("keep<!-- never closed --")).isEqualTo("keep");
        assertThat(MimecastHtml.toText("1 < 2 and <b>bold</b>")).isEqualTo("1 < 2 and bold");
    }

    @Test
    void blankLinesCollapseAcrossCarriageReturns() {
        assertThat(MimecastHtml.toText("a\r\n\r\n\r\n \r\nb<br>c\rd")).isEqualTo("a\n\nb\nc\nd");
    }

    // A guard against a hung build, not a timing: the quadratic regexes this replaced needed hours here.
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void hostileHtmlOfMegabytesIsLinearWork() {
        assertThat(MimecastHtml.toText("x" + "<script".repeat(300_000))).isEqualTo("x");
        assertThat(MimecastHtml.toText("<".repeat(2_000_000) + "y")).hasSize(2_000_001).endsWith("<y");
        assertThat(MimecastHtml.toText("z" + "\r".repeat(2_000_000) + "\n" + " ".repeat(1_000_000) + "w"))
                .isEqualTo("z\n\nw");
        assertThat(MimecastHtml.toText("line<br>".repeat(500_000))).hasSize(500_000 * 5 - 1);
    }
}
