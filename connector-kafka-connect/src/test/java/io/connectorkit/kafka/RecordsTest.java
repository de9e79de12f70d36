package io.connectorkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class RecordsTest {
    private static String upsert(String content) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", "d1");
        doc.addProperty("content", content);
        doc.addProperty("truncated", false);
        return Records.upsert("src", "p", "d1", doc.toString());
    }

    @Test
    void aRecordThatFitsIsLeftAsItIs() {
        String record = upsert("short text");
        assertThat(Records.fit(record, 16_384)).isEqualTo(record);
    }

    @Test
    void aLongTextIsCutToTheRecordSizeAndMarkedTruncated() {
        // Quotes and non-ASCII text grow in JSON and UTF-8: the cut counts the record's bytes.
        String text = "\"é€\" ".repeat(20_000);
        String fitted = Records.fit(upsert(text), 16_384);
        assertThat(Records.bytes(fitted)).isLessThanOrEqualTo(16_384);
        JsonObject doc = Records.parse(fitted).getAsJsonObject("document");
        assertThat(doc.get("truncated").getAsBoolean()).isTrue();
        assertThat(text).startsWith(doc.get("content").getAsString());
        assertThat(doc.get("content").getAsString()).isNotEmpty();
    }

    @Test
    void aCompleteMarkerCarriesTheGenerationAndWhatTheSweepSpares() {
        JsonObject o = Records.parse(Records.complete("src", "p", 42, "FULL", true, java.util.List.of("x")));
        assertThat(o.get(Records.OP).getAsString()).isEqualTo(Records.COMPLETE);
        assertThat(o.get("generation").getAsLong()).isEqualTo(42);
        assertThat(o.getAsJsonArray("spared").get(0).getAsString()).isEqualTo("x");
    }
}
