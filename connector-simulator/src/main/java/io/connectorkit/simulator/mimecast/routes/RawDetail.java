package io.connectorkit.simulator.mimecast.routes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.mimecast.wire.LenientDates;
import java.util.Map;

/**
 * get-message-detail for a hand-written message: only what can be derived without a MIME parser.
 * Subject, sender and recipient come from the listing metadata; {@code headers},
 * {@code mimeMessageId} and {@code headerDate} from the top-level header lines, as written; no
 * body is announced ({@code hasTextBody} and {@code hasHtmlBody} are false) and no attachments,
 * since finding them would take the parsing the client under test is there to do.
 */
final class RawDetail {
    private RawDetail() {
    }

    static JsonArray of(ArchivedMessage m, RawMessage raw) {
        JsonObject o = ContentFunctions.detailHead(m);
        o.add("cc", new JsonArray());
        raw.header("Date").ifPresent(date -> o.addProperty("headerDate", date));
        JsonArray headers = new JsonArray();
        for (Map.Entry<String, String> h : raw.headers()) {
            headers.add(ContentFunctions.header(h.getKey(), h.getValue()));
        }
        o.add("headers", headers);
        o.addProperty("received", LenientDates.format(m.received()));
        o.addProperty("processed", LenientDates.format(m.received().plusSeconds(1)));
        o.addProperty("size", raw.size());
        o.addProperty("hasHtmlBody", false);
        o.addProperty("hasTextBody", false);
        o.addProperty("isPassthrough", false);
        o.addProperty("messageBodyPreview", "");
        o.add("attachments", new JsonArray());
        JsonArray data = new JsonArray();
        data.add(o);
        return data;
    }
}
