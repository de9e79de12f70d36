package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PortRelayTest {
    @Test
    void forwardsBytesBothWays() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ServerSocket target = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                PortRelay relay = PortRelay.start(0, target.getLocalPort())) {
            pool.submit(() -> {
                try (Socket s = target.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    byte[] buf = new byte[5];
                    int n = in.readNBytes(buf, 0, 5);
                    out.write(new String(buf, 0, n, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT)
                            .getBytes(StandardCharsets.US_ASCII));
                }
                return null;
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("HELLO");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
