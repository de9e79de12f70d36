package io.connectorkit.simulator.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Measures how fast the fake serves; prints the rates and asserts only that the work was done. */
class ServerThroughputIT {
    private static final int LIST_PAGES_PER_THREAD = 200;
    private static final int FILES_PER_THREAD = 200;

    private final Archive archive = ArchiveGenerator.seed(77).domains(1).localDomains(0).usersPerDomain(4)
            .messagesPerView(5_000).generate();

    @Test
    void measuresListAndFileRatesFromOneAndFourThreads() throws Exception {
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive).clientCredentials("id", "s")
                .start()) {
            run(server, 1, true);
            for (int threads : new int[] {1, 4}) {
                double listRate = run(server, threads, true);
                double fileRate = run(server, threads, false);
                System.out.printf("threads=%d: get-message-list pages (100 rows) %.0f req/s; "
                        + "get-file + download of the eml %.0f pairs/s%n", threads, listRate, fileRate);
            }
        }
    }

    /** Runs the work on {@code threads} clients; returns requests (or pairs) per second. */
    private double run(FakeMimecastServer server, int threads, boolean list) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mailbox = archive.mailboxes().get(t % archive.mailboxes().size());
                done.add(pool.submit(() -> list ? pageThrough(server, mailbox) : fetchFiles(server, mailbox)));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(total).isEqualTo(threads * (list ? LIST_PAGES_PER_THREAD : FILES_PER_THREAD));
            return total / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int pageThrough(FakeMimecastServer server, String mailbox) {
        ApiClient client = new ApiClient(server.baseUrl()).login("id", "s");
        String item = FakeMimecastServerTest.listItem(mailbox, "INBOX", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        int pages = 0;
        String token = null;
        while (pages < LIST_PAGES_PER_THREAD) {
            String page = token == null ? "" : ",\"pageToken\":\"" + token + "\"";
            JsonObject body = client.call(Endpoint.GET_MESSAGE_LIST,
                    "{\"meta\":{\"pagination\":{\"pageSize\":100" + page + "}},\"data\":[" + item + "]}");
            assertThat(body.getAsJsonArray("data")).isNotEmpty();
            token = FakeMimecastServerTest.next(body);
            pages++;
        }
        return pages;
    }

    private int fetchFiles(FakeMimecastServer server, String mailbox) {
        ApiClient client = new ApiClient(server.baseUrl()).login("id", "s");
        List<MessageHeader> headers = archive.messages(mailbox, View.SENT, FakeMimecastServerTest.FROM,
                FakeMimecastServerTest.TO).limit(FILES_PER_THREAD).toList();
        for (MessageHeader h : headers) {
            JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + h.id() + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
            assertThat(client.get(url).body()).hasSize((int) h.size());
        }
        return headers.size();
    }
}
