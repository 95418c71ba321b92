package org.datastamp.tests.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.datastamp.tests.support.PlatformProcess;

/**
 * An unpacked copy of the Karaf distribution under test: its configuration files, ports, remote shell and log.
 */
final class KarafHome {

    private final Path root;
    private int httpPort;
    private int sshPort;
    private String user;
    private String password;

    private KarafHome(Path root) {
        this.root = root;
    }

    /** Unpacks {@code archive} (a fresh copy each run: no data/ or var/ from an earlier run) into {@code work}. */
    static KarafHome unpack(Path archive, Path work) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No Karaf distribution at " + archive + "; build product/karaf first");
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        // tar keeps the executable bits of bin/*
        run(List.of("tar", "-xzf", archive.toString(), "-C", work.toString()), work, 120);
        try (Stream<Path> entries = Files.list(work)) {
            Path root = entries.filter(p -> Files.isExecutable(p.resolve("bin/karaf"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No bin/karaf in " + archive));
            return new KarafHome(root);
        }
    }

    /**
     * Moves SSH and JMX/RMI off their defaults onto free ports, all on the loopback interface only, and picks a free
     * HTTP port for {@link #environment()} (DATASTAMP_PORT, as an administrator would set it).
     */
    void useFreePorts() throws IOException {
        httpPort = PlatformProcess.freePort();
        sshPort = PlatformProcess.freePort();
        setProperty("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(sshPort));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(PlatformProcess.freePort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(PlatformProcess.freePort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1");
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerHost", "127.0.0.1");
    }

    /**
     * Environment of bin/karaf and bin/client: a JDK 17 (Karaf 4.4's remote shell calls Subject.getSubject, which
     * Java 24 removed; see docs/karaf.md), and the HTTP port chosen by {@link #useFreePorts()}.
     */
    Map<String, String> environment() {
        return Map.of("JAVA_HOME", karafJavaHome(), "DATASTAMP_PORT", Integer.toString(httpPort));
    }

    /** {@code -Dkaraf.java.home=...}, else the first JDK 17 in /usr/lib/jvm; fails when there is none. */
    private static String karafJavaHome() {
        String configured = System.getProperty("karaf.java.home", "");
        if (!configured.isBlank()) {
            return configured;
        }
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> p.getFileName().toString().contains("17"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/java"))).sorted().findFirst()
                    .map(Path::toString).orElseThrow(() -> new AssertionError("The Karaf distribution runs on"
                            + " Java 17 and no JDK 17 is in /usr/lib/jvm (apt-get install openjdk-17-jdk-headless),"
                            + " nor is -Dkaraf.java.home set"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list /usr/lib/jvm", e);
        }
    }

    /** The distribution ships without users (as Karaf does); the remote shell needs one. */
    void addAdministrator(String name, String secret) throws IOException {
        user = name;
        password = secret;
        Files.writeString(path("etc/users.properties"), "\n" + name + " = " + secret + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Runs one shell command through {@code bin/client} (SSH) and returns its output. The command goes in on standard
     * input in batch mode: Karaf 4.4's client prints nothing for a command given as argument without a terminal.
     */
    String shell(String command, PlatformProcess karaf) throws IOException {
        Path input = Files.createTempFile(root, "client", ".txt");
        Files.writeString(input, command + "\n");
        List<String> client = List.of(path("bin/client").toString(), "-a", Integer.toString(sshPort), "-h",
                "127.0.0.1", "-u", user, "-p", password, "-r", "10", "-d", "1", "-b");
        ProcessBuilder builder = new ProcessBuilder(client).directory(root.toFile()).redirectErrorStream(true)
                .redirectInput(input.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("bin/client '" + command + "' failed (" + (process.isAlive() ? "timed out"
                        : "exit " + process.exitValue()) + "):\n" + output + "\n--- karaf.log:\n" + logTail(40));
            }
            if (output.contains("Error executing command") || output.contains("Command not found")) {
                throw new AssertionError("'" + command + "' failed in Karaf:\n" + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running '" + command + "'", e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(input);
        }
    }

    /** Runs a script of the distribution (e.g. bin/stop) to completion and returns its output. */
    String run(String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(path(script).toString()).directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(script + " failed:\n" + output + "\n--- karaf.log:\n" + logTail(40));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + script, e);
        } finally {
            process.destroyForcibly();
        }
    }

    String logTail(int lines) {
        Path log = path("data/log/karaf.log");
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + log + ": " + e.getMessage() + ")";
        }
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    int httpPort() {
        return httpPort;
    }

    /** Sets {@code key} in a Karaf .cfg/.properties file, replacing its line (even a commented-out one) or adding it. */
    void setProperty(String file, String key, String value) throws IOException {
        Path path = path(file);
        Pattern line = Pattern.compile("^\\s*#?\\s*" + Pattern.quote(key) + "\\s*=.*$");
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.ISO_8859_1));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (line.matcher(lines.get(i)).matches()) {
                lines.set(i, replaced ? "" : key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(path, lines, StandardCharsets.ISO_8859_1);
    }

    private static void run(List<String> command, Path directory, int timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
