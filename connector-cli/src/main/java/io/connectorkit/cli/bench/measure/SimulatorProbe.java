package io.connectorkit.cli.bench.measure;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures how fast the simulator alone serves what a crawl mostly asks for: a get-file call and
 * the download of the {@code .eml} it points to, from several client threads, with no index and
 * no parsing behind them. A crawl rate close to this rate would mean the simulator limits the
 * benchmark.
 */
public final class SimulatorProbe {
    public static final int THREADS = 4;

    private SimulatorProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param sim the running simulator
     * @param threads client threads
     * @param seconds how long to measure
     * @return get-file + download pairs per second, all threads together
     * @throws Exception if a request fails
     */
    public static double pairsPerSecond(SimulatedArchive sim, int threads, double seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = sim.server().baseUrl();
        String token = token(http, base);
        List<String> mailboxes = sim.archive().mailboxes();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long started = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mailbox = mailboxes.get(t % mailboxes.size());
                done.add(pool.submit(() -> fetch(http, base, token, sim, mailbox, deadline)));
            }
            long pairs = 0;
            for (Future<Long> f : done) {
                pairs += f.get();
            }
            return pairs / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long fetch(HttpClient http, String base, String token, SimulatedArchive sim, String mailbox,
            long deadline) throws IOException, InterruptedException {
        List<MessageHeader> rows = sim.archive().messages(mailbox, View.INBOX, ArchiveTotals.FROM, ArchiveTotals.TO)
                .toList();
        long pairs = 0;
        while (System.nanoTime() < deadline) {
            MessageHeader h = rows.get((int) (pairs % rows.size()));
            HttpRequest file = HttpRequest.newBuilder(URI.create(base + "/api/archive/get-file"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[{\"id\":\"" + h.id() + "\"}]}")).build();
            String body = ok(http.send(file, HttpResponse.BodyHandlers.ofString()));
            JsonObject first = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("data").get(0)
                    .getAsJsonObject();
            String url = first.getAsJsonArray("urls").get(0).getAsString();
            ok(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()));
            pairs++;
        }
        return pairs;
    }

    private static String token(HttpClient http, String base) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(SimulatedArchive.CLIENT_ID, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(SimulatedArchive.CLIENT_SECRET, StandardCharsets.UTF_8);
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = ok(http.send(r, HttpResponse.BodyHandlers.ofString()));
        return JsonParser.parseString(body).getAsJsonObject().get("access_token").getAsString();
    }

    private static <T> T ok(HttpResponse<T> r) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException("The simulator answered " + r.statusCode() + " to " + r.uri());
        }
        return r.body();
    }
}
