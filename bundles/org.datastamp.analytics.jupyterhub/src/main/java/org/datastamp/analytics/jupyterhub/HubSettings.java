package org.datastamp.analytics.jupyterhub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The connector's configuration, checked once.
 *
 * @param hubUrl         base URL of JupyterHub as the platform reaches it, ending in {@code /} (the REST API is
 *                       {@code hub/api/} under it)
 * @param publicUrl      base URL of JupyterHub as users' browsers reach it, ending in {@code /}; notebook links use it
 * @param token          the service's API token (scopes in docs/notebooks.md)
 * @param hostDirectory  directory on the platform's host that the spawner mounts read-only into every user server
 * @param mountPath      where {@code hostDirectory} appears inside the user's server (absolute)
 * @param notebookFolder folder in the user's home, relative, where starter notebooks are placed
 * @param spawnTimeout   longest wait for the user's server to become ready
 * @param requestTimeout longest wait for one answer of the hub or the user's server
 * @param recallPoll     how often files being recalled from tape are checked again
 */
record HubSettings(URI hubUrl, URI publicUrl, String token, Path hostDirectory, String mountPath,
        String notebookFolder, Duration spawnTimeout, Duration requestTimeout, Duration recallPoll) {

    HubSettings {
        hubUrl = withSlash(Objects.requireNonNull(hubUrl, "hubUrl"), "hubUrl");
        publicUrl = publicUrl == null ? hubUrl : withSlash(publicUrl, "publicUrl");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("JupyterHub API token is empty: put the service's token in the file"
                    + " named by apiTokenFile");
        }
        hostDirectory = hostDirectory.toAbsolutePath().normalize();
        if (mountPath == null || !mountPath.startsWith("/")) {
            throw new IllegalArgumentException("mountPath must be an absolute path inside the user's server, e.g."
                    + " /mnt/datastamp, got '" + mountPath + "'");
        }
        mountPath = mountPath.length() > 1 && mountPath.endsWith("/")
                ? mountPath.substring(0, mountPath.length() - 1) : mountPath;
        if (notebookFolder == null || notebookFolder.isBlank() || notebookFolder.startsWith("/")
                || notebookFolder.contains("..")) {
            throw new IllegalArgumentException("notebookFolder must be a folder relative to the user's home, e.g."
                    + " datastamp, got '" + notebookFolder + "'");
        }
        requirePositive(spawnTimeout, "spawnTimeoutSeconds");
        requirePositive(requestTimeout, "requestTimeoutSeconds");
        requirePositive(recallPoll, "recallPollSeconds");
    }

    static HubSettings from(JupyterHubLauncher.Config config, Path defaultHostDirectory) {
        if (config.hubUrl() == null || config.hubUrl().isBlank()) {
            throw new IllegalArgumentException("hubUrl is not set in " + JupyterHubLauncher.PID + ".cfg; name the"
                    + " JupyterHub, e.g. hubUrl = https://jupyter.example.org/");
        }
        if (config.apiTokenFile() == null || config.apiTokenFile().isBlank()) {
            throw new IllegalArgumentException("apiTokenFile is not set in " + JupyterHubLauncher.PID + ".cfg; name"
                    + " the file holding the JupyterHub service's API token");
        }
        String token;
        try {
            token = Files.readAllLines(Path.of(config.apiTokenFile()), StandardCharsets.UTF_8).stream()
                    .findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the JupyterHub API token from apiTokenFile '"
                    + config.apiTokenFile() + "': " + e.getMessage(), e);
        }
        return new HubSettings(URI.create(config.hubUrl()),
                config.publicUrl().isBlank() ? null : URI.create(config.publicUrl()), token,
                config.hostDirectory().isBlank() ? defaultHostDirectory : Path.of(config.hostDirectory()),
                config.mountPath(), config.notebookFolder(), seconds(config.spawnTimeoutSeconds()),
                seconds(config.requestTimeoutSeconds()), seconds(config.recallPollSeconds()));
    }

    /** The REST API's URL for {@code path} (without a leading slash), e.g. {@code users/pia}. */
    URI api(String path) {
        return hubUrl.resolve("hub/api/" + path);
    }

    @Override
    public String toString() {
        // never the token
        return "hub " + hubUrl + ", files of " + hostDirectory + " at " + mountPath + ", notebooks in "
                + notebookFolder + ", spawn timeout " + spawnTimeout.toSeconds() + " s";
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static URI withSlash(URI uri, String name) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL such as"
                    + " https://jupyter.example.org/, got '" + uri + "'");
        }
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
