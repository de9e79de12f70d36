package io.connectorkit.simulator.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS-terminating proxy on 127.0.0.1 (random port) that forwards the bytes of each accepted
 * connection to a plain-TCP target, such as an embedded search node's HTTP port, so that a
 * client must complete a real handshake to reach a server that speaks only plain HTTP. Counts
 * the connections whose handshake completed. Thread-safe; close it.
 *
 * <pre>{@code
 * try (TlsProxy proxy = TlsProxy.start(ca.issueForLoopback().sslContext(), "127.0.0.1", nodePort)) {
 *     config.put("sink.elasticsearch.url", proxy.url());
 * }
 * }</pre>
 */
public final class TlsProxy implements AutoCloseable {
    private final SSLServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong handshakes = new AtomicLong();
    private final Thread acceptor;

    private TlsProxy(SSLServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.acceptor = new Thread(this::accept, "tls-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a proxy.
     *
     * @param context the server-side TLS context, such as {@link ServerCertificate#sslContext()}
     * @param host the target host
     * @param port the target's plain-TCP port
     * @return the running proxy
     * @throws IOException if no port can be bound
     */
    public static TlsProxy start(SSLContext context, String host, int port) throws IOException {
        requireNonNull(context, "context");
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TlsProxy(socket, new InetSocketAddress(requireNonNull(host, "host"), port));
    }

    /** @return {@code https://127.0.0.1:<port>} */
    public String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /** @return the port the proxy listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return how many client connections completed the TLS handshake (and were forwarded) */
    public long handshakes() {
        return handshakes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "tls-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket()) {
            ((SSLSocket) client).startHandshake();
            handshakes.incrementAndGet();
            open.add(upstream);
            upstream.connect(target, 10_000);
            Thread back = new Thread(() -> pump(upstream, client), "tls-proxy-back");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
            back.join();
        } catch (IOException e) {
            // a refused handshake or a dropped connection ends this connection only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // the other side closed
        } catch (IOException e) {
            // the connection broke
        } finally {
            try {
                if (to instanceof SSLSocket) {
                    to.close();
                } else {
                    to.shutdownOutput();
                }
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }
}
