package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.mimecast.ServerOptions;
import io.connectorkit.simulator.mimecast.wire.Reply;
import io.connectorkit.simulator.mimecast.wire.SignedTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pre-signed download URLs ({@code /download/file/<id>?context=<signed>}) and the content they
 * serve. Like the real download host they need no bearer: the signed context carries the right,
 * and it expires.
 */
public final class Downloads {
    enum Kind { EML, ATTACHMENT, HTML, PLAIN }

    private final Archive archive;
    private final ServerOptions options;
    private final SignedTokens tokens;
    private final Supplier<String> baseUrl;

    public Downloads(Archive archive, ServerOptions options, SignedTokens tokens, Supplier<String> baseUrl) {
        this.archive = requireNonNull(archive, "archive");
        this.options = requireNonNull(options, "options");
        this.tokens = requireNonNull(tokens, "tokens");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    }

    String url(Kind kind, String id, Instant now) {
        long expires = now.plus(options.downloadUrlTtl()).toEpochMilli();
        String context = tokens.sign(List.of("dl", kind.name(), id, Long.toString(expires)));
        return baseUrl.get() + "/download/file/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?context="
                + context;
    }

    /** The id a download path names, for id-bound fault rules. */
    public static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public Reply serve(String path, String query, Instant now) {
        String context = null;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("context=")) {
                context = pair.substring("context=".length());
            }
        }
        Optional<List<String>> fields = context == null ? Optional.empty() : tokens.verify(context);
        if (!path.startsWith("/download/file/") || fields.isEmpty() || fields.get().size() != 4
                || !fields.get().get(0).equals("dl") || !fields.get().get(2).equals(idOf(path))) {
            return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match");
        }
        if (now.toEpochMilli() >= Long.parseLong(fields.get().get(3))) {
            return expired();
        }
        return content(Kind.valueOf(fields.get().get(1)), fields.get().get(2))
                .orElseGet(() -> s3Error(404, "NoSuchKey", "The specified key does not exist."));
    }

    public static Reply expired() {
        return s3Error(403, "AccessDenied", "Request has expired");
    }

    Optional<Reply> content(Kind kind, String id) {
        if (kind == Kind.ATTACHMENT) {
            return archive.attachment(id).map(a -> Reply.stream("application/octet-stream", a.size(), a::writeTo))
                    .map(r -> withName(r, archive.attachment(id).orElseThrow()));
        }
        Optional<ArchivedMessage> message = archive.message(id);
        return message.map(m -> switch (kind) {
            case HTML -> Reply.bytes(200, "text/html; charset=UTF-8", ContentFunctions.utf8(m.htmlBody()));
            case PLAIN -> Reply.bytes(200, "text/plain; charset=UTF-8", ContentFunctions.utf8(m.textBody()));
            default -> Reply.stream("message/rfc822", archive.emlSize(m), out -> archive.writeEml(m, out));
        });
    }

    private static Reply withName(Reply reply, Attachment a) {
        if (!a.filename().isEmpty()) {
            reply.headers().put("Content-Disposition", "attachment; filename*=UTF-8''"
                    + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return reply;
    }

    private static Reply s3Error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return Reply.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
