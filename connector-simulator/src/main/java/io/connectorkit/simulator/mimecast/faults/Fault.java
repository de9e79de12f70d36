package io.connectorkit.simulator.mimecast.faults;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A misbehaviour the fake server can be scripted to show, as a plain value. Attach it to calls
 * with a {@link FaultRule}.
 */
public sealed interface Fault {

    /** HTTP 429 with {@code X-RateLimit-*} headers saying the quota frees up after {@code reset}. */
    record RateLimited(Duration reset) implements Fault {
        public RateLimited {
            requireNonNull(reset, "reset");
        }
    }

    /** A platform error: HTTP {@code status} (500, 502, 503...) with a JSON fail body. */
    record ServerError(int status) implements Fault {
    }

    /** Answers normally but only after {@code delay}. */
    record Slow(Duration delay) implements Fault {
        public Slow {
            requireNonNull(delay, "delay");
        }
    }

    /**
     * Holds the request at {@code gate} until the test opens it, then answers normally: the test
     * acts (a signal, a kill) while the crawl waits for exactly this answer.
     */
    record Hold(Gate gate) implements Fault {
        public Hold {
            requireNonNull(gate, "gate");
        }
    }

    /** Sends the status line, headers and half the body, then closes the connection. */
    record Disconnect() implements Fault {
    }

    /** HTTP 200 with a JSON body cut off mid-way. */
    record MalformedJson() implements Fault {
    }

    /** HTTP 403 {@code app_forbidden}: the endpoint's product is not assigned to the application. */
    record Forbidden() implements Fault {
    }

    /** HTTP 200 with an empty {@code data} and one {@code fail[]} entry keyed by the request item. */
    record FunctionFailure(String code, String message, boolean retryable) implements Fault {
        public FunctionFailure {
            requireNonNull(code, "code");
            requireNonNull(message, "message");
        }
    }

    /** The page token of the request is reported expired (as the token-mismatch option answers). */
    record PageTokenExpired() implements Fault {
    }

    /** HTTP 400 with an empty body (what the real service does for truncated ids). */
    record EmptyBadRequest() implements Fault {
    }

    /** HTTP 401 {@code token_expired} even though the token is still valid. */
    record TokenExpired() implements Fault {
    }

    /** HTTP 403 on a download URL as if it had expired. */
    record DownloadExpired() implements Fault {
    }

    /** HTTP 200 with an empty {@code data[]}, no {@code fail[]} and no {@code next}: a listing of nothing. */
    record EmptyList() implements Fault {
    }

    /** HTTP 200 with a JSON object that has no {@code data[]} at all (a broken page, well-formed JSON). */
    record MissingData() implements Fault {
    }

    /** 429 after the given reset. */
    static Fault rateLimited(Duration reset) {
        return new RateLimited(reset);
    }

    /** A 5xx answer. */
    static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server error status must be 5xx, got " + status);
        }
        return new ServerError(status);
    }

    /** A slow answer. */
    static Fault slow(Duration delay) {
        return new Slow(delay);
    }

    /** An answer held at the gate until it is opened. */
    static Fault hold(Gate gate) {
        return new Hold(gate);
    }

    /** A connection dropped mid-body. */
    static Fault disconnect() {
        return new Disconnect();
    }

    /** A truncated JSON body. */
    static Fault malformedJson() {
        return new MalformedJson();
    }

    /** 403 app_forbidden. */
    static Fault forbidden() {
        return new Forbidden();
    }

    /** 200 + fail[] that will not succeed on retry. */
    static Fault permanentFailure(String code, String message) {
        return new FunctionFailure(code, message, false);
    }

    /** The request's page token reported expired. */
    static Fault pageTokenExpired() {
        return new PageTokenExpired();
    }

    /** 400 with no body. */
    static Fault emptyBadRequest() {
        return new EmptyBadRequest();
    }

    /** 401 token_expired. */
    static Fault tokenExpired() {
        return new TokenExpired();
    }

    /** 403 on a download URL. */
    static Fault downloadExpired() {
        return new DownloadExpired();
    }

    /** 200 with nothing listed. */
    static Fault emptyList() {
        return new EmptyList();
    }

    /** 200 without data[]. */
    static Fault missingData() {
        return new MissingData();
    }
}
