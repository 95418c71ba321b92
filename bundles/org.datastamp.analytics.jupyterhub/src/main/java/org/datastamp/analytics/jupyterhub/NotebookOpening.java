package org.datastamp.analytics.jupyterhub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.analytics.api.NotebookState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.analytics.jupyterhub.HubClient.HubException;
import org.datastamp.analytics.jupyterhub.HubClient.ProgressWatch;

/**
 * The steps of opening one dataset for one hub user: find the files (recalling them from tape when needed), get
 * the user's server from the hub, place the starter notebook. Each step reports the session it reached.
 */
final class NotebookOpening {

    /** Where the files are: all readable (their paths inside the user's server), or some still being recalled. */
    sealed interface Files permits Files.Reachable, Files.Recalling {

        record Reachable(List<String> paths) implements Files {
        }

        record Recalling(NotebookSession session) implements Files {
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Dataset dataset;
    private final String user;
    private final HubSettings settings;
    private final HubClient hub;
    private final Consumer<NotebookSession> report;

    NotebookOpening(Dataset dataset, String user, HubSettings settings, HubClient hub,
            Consumer<NotebookSession> report) {
        this.dataset = dataset;
        this.user = user;
        this.settings = settings;
        this.hub = hub;
        this.report = report;
    }

    NotebookSession session(NotebookState state, int progress, String url, String message) {
        return new NotebookSession(dataset.id(), user, state, progress, url, message);
    }

    /**
     * Locates the dataset's HDF5 files; a file only on tape starts its recall.
     *
     * @throws DataUnavailableException if a file cannot be read on any running tier, or lies outside the directory
     *                                  the spawner mounts
     */
    Files locate(DatasetFileLocator locator) throws DataUnavailableException {
        List<String> paths = new ArrayList<>();
        List<FileLocation.Recalling> recalling = new ArrayList<>();
        int total = 0;
        for (Datafile file : dataset.content().files()) {
            if (!StarterNotebook.isHdf5(file.path())) {
                continue;
            }
            total++;
            FileLocation location = locator.locate(dataset, file.path());
            if (location instanceof FileLocation.Recalling r && r.status().state() == RecallState.FAILED) {
                throw new DataUnavailableException("Recalling " + file.path() + " of dataset "
                        + dataset.id().value() + " from tier " + r.tier() + " failed: " + r.status().message()
                        + "; ask the storage administrators (recall " + r.status().ticket().id() + ")");
            }
            if (location instanceof FileLocation.Recalling r) {
                recalling.add(r);
            } else {
                paths.add(insideServer(((FileLocation.Readable) location).file(), file.path()));
            }
        }
        if (recalling.isEmpty()) {
            return new Files.Reachable(paths);
        }
        return new Files.Recalling(session(NotebookState.RECALLING, paths.size() * 100 / total, "",
                recallMessage(recalling, total)));
    }

    /**
     * Gets the user's server running (creating the hub user on first use) and places the starter notebook.
     *
     * @return the READY session with the notebook's URL
     */
    NotebookSession spawnAndPlace(List<String> paths) throws HubException, InterruptedException {
        Instant deadline = Instant.now().plus(settings.spawnTimeout());
        report.accept(session(NotebookState.SPAWNING, 0, "", "Asking JupyterHub for " + user + "'s server"));
        JsonNode model = hub.user(user).orElse(null);
        if (model == null) {
            hub.createUser(user);
            model = hub.user(user).orElseThrow(() -> new HubException("JupyterHub created user " + user
                    + " but does not find it; check the hub's Authenticator allows this user name"));
        }
        String serverUrl = serverUrl(model, paths, deadline);
        URI server = settings.hubUrl().resolve(serverUrl);
        return place(server, serverUrl, StarterNotebook.generate(dataset, paths));
    }

    private String serverUrl(JsonNode model, List<String> paths, Instant deadline)
            throws HubException, InterruptedException {
        JsonNode server = defaultServer(model);
        if (server.path("ready").asBoolean(false)) {
            return server.path("url").asText();
        }
        String pending = server.path("pending").asText("");
        if (pending.equals("stop")) {
            throw new HubException(user + "'s server on JupyterHub is stopping; open the notebook again in a"
                    + " minute");
        }
        if (!pending.equals("spawn")) {
            int status = hub.startServer(user, userOptions(paths));
            if (status == 201) {
                return defaultServer(hub.user(user).orElseThrow(() -> new HubException("JupyterHub started a"
                        + " server for " + user + " but no longer knows the user"))).path("url").asText();
            }
        }
        return awaitReady(deadline);
    }

    /** The default server's model: {@code servers[""]}, or the top-level fields older hubs answer. */
    private static JsonNode defaultServer(JsonNode model) {
        JsonNode servers = model.path("servers");
        if (servers.isObject()) {
            return servers.path("");
        }
        ObjectNode legacy = NODES.objectNode();
        legacy.put("ready", model.path("server").isTextual() && model.path("pending").isNull());
        legacy.set("url", model.path("server"));
        legacy.set("pending", model.path("pending"));
        return legacy;
    }

    private ObjectNode userOptions(List<String> paths) {
        ObjectNode options = NODES.objectNode();
        options.put("dataset_id", dataset.id().value());
        options.put("data_mount", settings.mountPath());
        paths.forEach(options.putArray("read_only_paths")::add);
        return options;
    }

    private String awaitReady(Instant deadline) throws HubException, InterruptedException {
        ProgressWatch watch = hub.progress(user, e -> report.accept(session(NotebookState.SPAWNING,
                Math.min(e.progress(), 99), "", e.message().isBlank() ? "Starting " + user + "'s server"
                        : e.message())));
        try {
            long wait = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return watch.ready().get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HubException("JupyterHub did not start " + user + "'s server within "
                    + settings.spawnTimeout().toSeconds() + " s; the hub may be short of resources: try again"
                    + " later, or ask its administrators (or raise spawnTimeoutSeconds)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HubException h ? h
                    : new HubException("Following the spawn failed: " + e.getCause(), e.getCause());
        } finally {
            watch.cancel().run();
        }
    }

    private NotebookSession place(URI server, String serverUrl, ObjectNode notebook) throws HubException {
        report.accept(session(NotebookState.SPAWNING, 99, "", "Placing the starter notebook"));
        String folder = "";
        for (String segment : settings.notebookFolder().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            folder = folder + (folder.isEmpty() ? "" : "/") + HubClient.segment(segment);
            ObjectNode directory = NODES.objectNode();
            directory.put("type", "directory");
            hub.putContent(server, folder, directory);
        }
        String path = folder + "/" + dataset.id().value() + ".ipynb";
        String message;
        if (hub.contentExists(server, path)) {
            // never overwrite the user's work: the notebook from an earlier opening may have been edited
            message = "Opened your notebook from an earlier opening; delete it to get a fresh starter notebook";
        } else {
            ObjectNode model = NODES.objectNode();
            model.put("type", "notebook");
            model.put("format", "json");
            model.set("content", notebook);
            hub.putContent(server, path, model);
            message = "Starter notebook ready";
        }
        String url = settings.publicUrl().resolve(serverUrl).resolve("lab/tree/" + path).toString();
        return session(NotebookState.READY, 100, url, message);
    }

    /** Where {@code file} (on the platform's host) appears inside the user's server. */
    private String insideServer(Path file, String name) throws DataUnavailableException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(settings.hostDirectory())) {
            throw new DataUnavailableException("File " + name + " of dataset " + dataset.id().value() + " is at "
                    + absolute + ", outside " + settings.hostDirectory() + " which the JupyterHub spawner mounts;"
                    + " set hostDirectory (and the spawner's mount) to a directory that holds every readable tier");
        }
        String relative = settings.hostDirectory().relativize(absolute).toString().replace('\\', '/');
        return settings.mountPath() + (settings.mountPath().endsWith("/") ? "" : "/") + relative;
    }

    private static String recallMessage(List<FileLocation.Recalling> recalling, int total) {
        RecallStatus first = recalling.get(0).status();
        Instant eta = null;
        for (FileLocation.Recalling r : recalling) {
            Instant e = r.status().eta();
            if (e != null && (eta == null || e.isAfter(eta))) {
                eta = e;
            }
        }
        return "Recalling " + recalling.size() + " of " + total + " files from tier " + recalling.get(0).tier()
                + " (" + first.state().name().toLowerCase(java.util.Locale.ROOT)
                + (first.message().isBlank() ? "" : ": " + first.message()) + ")"
                + (eta == null ? "" : "; expected online by " + eta)
                + "; the notebook opens when they are online";
    }
}
