package org.datastamp.tests.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A packaged DataSTaMP product (Equinox or Karaf) running as a child process, for end-to-end tests and
 * benchmarks: start it, wait until HTTP answers, read its memory, stop it. Output goes to a log file whose tail
 * is put into every failure message, so a red test says why.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final long startNanos;

    private PlatformProcess(Process process, Path log, long startNanos) {
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
    }

    /** Starts {@code command} in {@code directory} with extra environment variables; output goes to {@code log}. */
    public static PlatformProcess start(List<String> command, Path directory, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The platform runs on the Java that runs the tests (the build's Java 25), not whatever java is on the PATH.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new PlatformProcess(builder.start(), log, started);
    }

    /**
     * Waits until {@code url} answers HTTP 200 and returns the time from process start, or fails with the log tail.
     */
    public Duration awaitHttpOk(URI url, Duration timeout) {
        awaitCondition("HTTP 200 from " + url, timeout, () -> status(url) == 200);
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Polls {@code condition} every 100 ms until true, or fails naming {@code what} with the log tail. */
    public void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The platform exited (code " + process.exitValue() + ") while waiting for "
                        + what + ". Log tail:\n" + logTail());
            }
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + ". Log tail:\n"
                + logTail());
    }

    /** A TCP port on the loopback interface that nothing listens on now, for a product under test. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** HTTP status of a GET, or -1 if nothing answers. */
    public static int status(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** GETs {@code url} and returns the body; fails unless the status is 200. */
    public String get(URI url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Resident memory of the process and its descendants in KiB (Linux /proc), so a launcher script's JVM child
     * counts.
     */
    public long residentKib() {
        return process.toHandle().descendants().mapToLong(h -> rssKib(h.pid())).sum() + rssKib(process.pid());
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process has just exited; it holds no memory
        }
        return 0;
    }

    /** The last 60 lines of the platform's output. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process tree: SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.toHandle().descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the platform", e);
        }
    }
}
