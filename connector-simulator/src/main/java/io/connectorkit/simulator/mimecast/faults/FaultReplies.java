package io.connectorkit.simulator.mimecast.faults;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.mimecast.routes.Downloads;
import io.connectorkit.simulator.mimecast.routes.Paging;
import io.connectorkit.simulator.mimecast.wire.Call;
import io.connectorkit.simulator.mimecast.wire.Envelope;
import io.connectorkit.simulator.mimecast.wire.Reply;
import java.util.List;

/** What a scripted fault answers instead of the function. */
public final class FaultReplies {
    private FaultReplies() {
    }

    /** Sleeps for every Slow fault, waits at every Hold's gate, returns the first other fault. */
    public static Fault slowThenFirst(List<Fault> matched) {
        Fault first = null;
        for (Fault f : matched) {
            if (f instanceof Fault.Slow slow) {
                try {
                    Thread.sleep(slow.delay().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            } else if (f instanceof Fault.Hold hold) {
                hold.gate().pass();
            } else if (first == null) {
                first = f;
            }
        }
        return first;
    }

    /** The answer a fault gives instead of the function; null to run the function anyway. */
    public static Reply replace(Fault fault, Call call, Paging paging) {
        if (fault instanceof Fault.RateLimited) {
            return Envelope.httpFailure(429, "err_rate_limit_exceeded", "Quota exceeded", true);
        } else if (fault instanceof Fault.ServerError error) {
            return Envelope.httpFailure(error.status(), "err_platform_error", "An internal error occurred", true);
        } else if (fault instanceof Fault.Forbidden) {
            return Envelope.gatewayFailure(403, "app_forbidden",
                    "Resource or method requested does not exist in any product assigned to the application.");
        } else if (fault instanceof Fault.FunctionFailure failure) {
            return Envelope.functionFailure(call == null ? null : call.item(), failure.code(), failure.message(),
                    failure.retryable(), null);
        } else if (fault instanceof Fault.PageTokenExpired) {
            return call != null && call.pageToken().isPresent() ? paging.expired(call) : null;
        } else if (fault instanceof Fault.EmptyBadRequest) {
            return Reply.empty(400);
        } else if (fault instanceof Fault.TokenExpired) {
            return Envelope.gatewayFailure(401, "token_expired", "The access token has expired");
        } else if (fault instanceof Fault.DownloadExpired) {
            return Downloads.expired();
        } else if (fault instanceof Fault.EmptyList) {
            return Reply.json(200, Envelope.ok(new JsonArray(), null));
        } else if (fault instanceof Fault.MissingData) {
            JsonObject body = Envelope.ok(new JsonArray(), null);
            body.remove("data");
            return Reply.json(200, body);
        }
        return null;
    }

}
