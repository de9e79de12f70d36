package io.connectorkit.compat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Elasticsearch server from the integ-test distribution the build unpacked into
 * {@code target/elasticsearch}: a copy of its folder of its own, started single-node on a free
 * loopback port with security off (unless a test adds settings), stopped with its whole process
 * tree. Elasticsearch refuses to run as root, so when the build runs as root the copy is given to
 * the unprivileged user 65534 and the server started as that user.
 */
public final class ElasticsearchServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final int NOBODY = 65534;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String version;
    private final Path home;
    private final Path javaHome;
    private final Map<String, String> settings;
    private Process process;
    private int port;
    private Duration startTime = Duration.ZERO;

    private ElasticsearchServer(String version, Path home, Path javaHome, Map<String, String> settings) {
        this.version = version;
        this.home = home;
        this.javaHome = javaHome;
        this.settings = settings;
    }

    /**
     * Copies the unpacked distribution of {@code version} and starts it, waiting for a yellow or
     * green cluster. A 9.x server needs Java 21 or later: where none is found the calling test is
     * skipped (a JUnit assumption) with a message naming the version.
     *
     * @param version the Elasticsearch version, one of the suite's
     * @param name a name for this server's folder, unique within the build
     * @param extra settings added to {@code elasticsearch.yml} (security, TLS)
     * @return the started server
     */
    public static ElasticsearchServer start(String version, String name, Map<String, String> extra)
            throws IOException {
        return start(version, name, extra, (home, java) -> { });
    }

    /** Work on a server's copy before its first start, such as adding a user with its tools. */
    @FunctionalInterface
    public interface Preparation {
        /**
         * @param home the server's folder
         * @param javaHome the Java it runs on, for its command-line tools ({@code ES_JAVA_HOME})
         */
        void prepare(Path home, Path javaHome) throws IOException;
    }

    /** The same, running {@code preparation} on the copy before the server starts. */
    public static ElasticsearchServer start(String version, String name, Map<String, String> extra,
            Preparation preparation) throws IOException {
        Path javaHome = javaHomeFor(version);
        Path unpacked = Path.of(System.getProperty("elasticsearch.dir", "target/elasticsearch"))
                .resolve("elasticsearch-" + version).toAbsolutePath();
        if (!Files.isDirectory(unpacked)) {
            throw new IllegalStateException("Elasticsearch " + version + " is not unpacked at " + unpacked
                    + ": run the suite through Maven (mvn verify), whose pre-integration-test phase unpacks it");
        }
        Path home = unpacked.getParent().resolveSibling("servers").resolve(name);
        deleteTree(home);
        copyTree(unpacked, home);
        // The unpacking does not keep the scripts' execute bit.
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            for (Path script : (Iterable<Path>) scripts::iterator) {
                script.toFile().setExecutable(true, false);
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "compat");
        settings.put("node.name", name);
        settings.put("discovery.type", "single-node");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("transport.port", "0");
        settings.put("node.portsfile", "true");
        settings.put("xpack.security.enabled", "false");
        // A build directory on a nearly full disk must not turn the indices read-only.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.putAll(extra);
        preparation.prepare(home, javaHome);
        ElasticsearchServer server = new ElasticsearchServer(version, home, javaHome, settings);
        server.launch();
        return server;
    }

    /** @return the server's version */
    public String version() {
        return version;
    }

    /** @return the server's folder, where a test may put files its settings refer to before a restart */
    public Path home() {
        return home;
    }

    /** @return the server's base URL, {@code http://127.0.0.1:<port>} (https when a test turned TLS on) */
    public String url() {
        return scheme() + "://127.0.0.1:" + port;
    }

    /** @return how long the last start took, to yellow */
    public Duration startTime() {
        return startTime;
    }

    /** @return the server's HTTP port, kept across {@link #stop} and {@link #restart} */
    public int port() {
        return port;
    }

    /** Stops the server, keeping its data and its port for {@link #restart}. */
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        // SIGTERM first, so that the server closes its data cleanly for the restart; a kill after that.
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** Starts the stopped server again on the same port and data. */
    public void restart() throws IOException {
        settings.put("http.port", Integer.toString(port));
        launch();
    }

    /** Stops the server and deletes its copy (some 150 MB with its data). */
    @Override
    public void close() {
        stop();
        try {
            deleteTree(home);
        } catch (IOException e) {
            System.out.println("Could not delete " + home + ": " + e);
        }
    }

    private String scheme() {
        return "true".equals(settings.get("xpack.security.http.ssl.enabled")) ? "https" : "http";
    }

    private void launch() throws IOException {
        Files.writeString(home.resolve("config/elasticsearch.yml"), settings.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        Path portsFile = home.resolve("logs/http.ports");
        Files.deleteIfExists(portsFile);
        Path tmp = home.resolve("tmp");
        Files.createDirectories(tmp);
        Files.createDirectories(home.resolve("logs"));
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            run("chown", "-R", NOBODY + ":" + NOBODY, home.toString());
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().put("ES_JAVA_HOME", javaHome.toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        pb.environment().put("ES_TMPDIR", tmp.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        long started = System.nanoTime();
        process = pb.start();
        try {
            port = awaitPort(portsFile);
            awaitYellow();
        } catch (IOException | RuntimeException e) {
            String console = tail(home.resolve("console.log"));
            stop();
            throw new IllegalStateException("Elasticsearch " + version + " did not start: " + e.getMessage()
                    + "\n--- console.log (end) ---\n" + console, e);
        }
        startTime = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Elasticsearch %s up at %s in %.1f s%n", version, url(), startTime.toMillis() / 1000.0);
    }

    private int awaitPort(Path portsFile) throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        Pattern address = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the process ended with status " + process.exitValue());
            }
            if (Files.exists(portsFile)) {
                Matcher m = address.matcher(Files.readString(portsFile));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            pause();
        }
        throw new IOException("no " + portsFile + " within " + START_LIMIT);
    }

    private void awaitYellow() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                // With security on the answer is 401 or a TLS failure, either of which proves the node is up and
                // serving; the security tests then check health with their own credentials.
                if (r.statusCode() == 200 && !r.body().contains("\"status\":\"red\"") || r.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
                if (scheme().equals("https") && process.isAlive()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (!process.isAlive()) {
                throw new IOException("the process ended with status " + process.exitValue());
            }
            pause();
        }
        throw new IOException("not yellow within " + START_LIMIT + ": " + last);
    }

    /**
     * The Java the server runs on: this build's own when it suits the version, else the first
     * suitable one under /usr/lib/jvm or named by {@code -Dcompat.java.home}. 9.x needs 21 or
     * later; 7.x and 8.x run on 17 to 21 (they rely on the security manager, which later Java
     * releases no longer let a program enable).
     */
    public static Path javaHomeFor(String version) {
        boolean nine = Integer.parseInt(version.substring(0, version.indexOf('.'))) >= 9;
        int min = nine ? 21 : 17;
        int max = nine ? Integer.MAX_VALUE : 21;
        String range = nine ? "21 or later" : "17 to 21";
        Optional<Path> found = findJava(min, max);
        assumeTrue(found.isPresent(), () -> "Elasticsearch " + version + " skipped: it needs Java " + range
                + " and none was found (this build runs on Java " + Runtime.version().feature()
                + "; none under /usr/lib/jvm; -Dcompat.java.home unset)");
        return found.get();
    }

    private static Optional<Path> findJava(int min, int max) {
        int own = Runtime.version().feature();
        if (own >= min && own <= max) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        List<Path> candidates = new ArrayList<>();
        String named = System.getProperty("compat.java.home", "");
        if (!named.isBlank()) {
            candidates.add(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Pattern release = Pattern.compile("JAVA_VERSION=\"(\\d+)");
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("bin/java"))).filter(p -> {
            try {
                Matcher m = release.matcher(Files.readString(p.resolve("release")));
                return m.find() && Integer.parseInt(m.group(1)) >= min && Integer.parseInt(m.group(1)) <= max;
            } catch (IOException e) {
                return false;
            }
        }).findFirst();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.delete(p);
            }
        }
    }
}
