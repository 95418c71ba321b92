package org.datastamp.storage.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for tests: S3Proxy (org.gaul:s3proxy, its jar with dependencies) run as a separate process
 * on a free loopback port, storing buckets as folders. A bundle whose tests use it copies the jar with the
 * maven-dependency-plugin and names it in the system property {@value #JAR_PROPERTY} (see
 * org.datastamp.storage.s3's pom.xml). Starting fails loudly when the jar is missing or the server does not answer:
 * a test that needs S3 never skips.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** System property naming S3Proxy's jar-with-dependencies. */
    public static final String JAR_PROPERTY = "datastamp.s3proxy.jar";
    public static final String ACCESS_KEY = "datastamp-test";
    public static final String SECRET = "datastamp-test-secret";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final Path root;
    private final Path log;

    private S3ProxyServer(Process process, URI endpoint, Path root, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.root = root;
        this.log = log;
    }

    /**
     * Starts a server storing under {@code root} with the given buckets created, and waits until it answers.
     *
     * @throws IllegalStateException if the jar is missing or the server does not start within 60 s (with its log)
     */
    public static S3ProxyServer start(Path root, String... buckets) throws IOException, InterruptedException {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy jar not found (system property " + JAR_PROPERTY + " = " + jar
                    + "); run the tests through Maven, which copies org.gaul:s3proxy:jar-with-dependencies");
        }
        Path data = Files.createDirectories(root.resolve("buckets"));
        for (String bucket : buckets) {
            Files.createDirectories(data.resolve(bucket));
        }
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = root.resolve("s3proxy.properties");
        Files.write(properties, List.of(
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data), StandardCharsets.UTF_8);
        Path log = root.resolve("s3proxy.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-jar", jar, "--properties",
                properties.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, endpoint, data, log);
        server.awaitAnswer();
        return server;
    }

    /** E.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Folder holding one sub-folder per bucket. */
    public Path bucketsRoot() {
        return root;
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with code " + process.exitValue() + " at start:\n"
                        + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.getResponseCode(); // any HTTP answer (403 for anonymous) means it listens
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not answer on " + endpoint + " within " + START_TIMEOUT + ":\n"
                + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server process and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
