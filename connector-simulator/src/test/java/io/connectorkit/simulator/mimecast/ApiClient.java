package io.connectorkit.simulator.mimecast;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A minimal Mimecast API client over java.net.http for the fake server's tests. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String token;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> tokenResponse(String clientId, String secret) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=" + clientId + "&client_secret=" + secret + "&grant_type=client_credentials"))
                .build();
        return send(request);
    }

    ApiClient login(String clientId, String secret) {
        HttpResponse<String> response = tokenResponse(clientId, secret);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        token = JsonParser.parseString(response.body()).getAsJsonObject().get("access_token").getAsString();
        return this;
    }

    HttpResponse<String> post(Endpoint endpoint, String json) {
        return post(endpoint, json, Duration.ofSeconds(30));
    }

    HttpResponse<String> post(Endpoint endpoint, String json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + endpoint.path()))
                .timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    JsonObject call(Endpoint endpoint, String json) {
        HttpResponse<String> response = post(endpoint, json);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(endpoint + " answered " + response.statusCode() + " " + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    HttpResponse<byte[]> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    /** The request timed out on the client side. */
    static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(HttpTimeoutException cause) {
            super(cause);
        }
    }

    static JsonElement data0(JsonObject body) {
        return body.getAsJsonArray("data").get(0);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimedOut(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
