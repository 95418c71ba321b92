package org.datastamp.analytics.jupyterhub;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.NotebookLauncher;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.analytics.api.NotebookState;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.datastamp.analytics.jupyterhub.HubClient.HubException;

/**
 * Opens datasets in the viewer's JupyterHub server: the hub user is the viewer's platform username, the dataset's
 * files are reached read-only through the directory the spawner mounts (docs/notebooks.md), files on tape are
 * recalled first. Opening runs on the component's own small executor; {@link #status} answers the latest state.
 * Inactive until configured.
 */
@Component(service = NotebookLauncher.class, configurationPid = JupyterHubLauncher.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = JupyterHubLauncher.Config.class)
public class JupyterHubLauncher implements NotebookLauncher {

    static final String PID = "org.datastamp.analytics.jupyterhub";

    private static final Logger LOG = LoggerFactory.getLogger(JupyterHubLauncher.class);

    @ObjectClassDefinition(name = "DataSTaMP JupyterHub notebook launcher",
            description = "Opens datasets in users' JupyterHub servers with a starter notebook (docs/notebooks.md)")
    public @interface Config {

        @AttributeDefinition(description = "JupyterHub's base URL as the platform reaches it, e.g."
                + " https://jupyter.example.org/ (the REST API is hub/api/ below it)")
        String hubUrl();

        @AttributeDefinition(description = "JupyterHub's base URL as users' browsers reach it, for notebook"
                + " links; empty = hubUrl")
        String publicUrl() default "";

        @AttributeDefinition(description = "File holding the API token of the JupyterHub service (first line),"
                + " readable only by the platform; scopes in docs/notebooks.md")
        String apiTokenFile();

        @AttributeDefinition(description = "Directory on this host that the spawner mounts read-only into user"
                + " servers; empty = the hot tier, <data dir>/hot")
        String hostDirectory() default "";

        @AttributeDefinition(description = "Where hostDirectory appears inside the user's server")
        String mountPath() default "/mnt/datastamp";

        @AttributeDefinition(description = "Folder in the user's home for starter notebooks")
        String notebookFolder() default "datastamp";

        @AttributeDefinition(description = "Longest wait for the user's server to start (seconds)")
        double spawnTimeoutSeconds() default 300;

        @AttributeDefinition(description = "Longest wait for one answer of the hub or the user's server (seconds)")
        double requestTimeoutSeconds() default 30;

        @AttributeDefinition(description = "How often files being recalled from tape are checked (seconds)")
        double recallPollSeconds() default 30;

        @AttributeDefinition(description = "Openings that talk to the hub at the same time")
        int workers() default 4;
    }

    /** One opening per dataset and hub user. */
    private record Key(DatasetId dataset, String user) {
    }

    private final Catalog catalog;
    private final DatasetFileLocator locator;
    private final HubSettings settings;
    private final HubClient hub;
    private final ScheduledExecutorService executor;
    private final Map<Key, NotebookSession> sessions = new ConcurrentHashMap<>();

    @Activate
    public JupyterHubLauncher(@Reference(name = "catalog") Catalog catalog,
            @Reference(name = "locator") DatasetFileLocator locator, Config config,
            BundleContext context) {
        this(catalog, locator, HubSettings.from(config,
                DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)).hot()), null,
                config.workers());
        LOG.info("JupyterHub notebook launcher ready: {}", settings);
    }

    JupyterHubLauncher(Catalog catalog, DatasetFileLocator locator, HubSettings settings, HttpClient http,
            int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.catalog = catalog;
        this.locator = locator;
        this.settings = settings;
        this.hub = new HubClient(settings, http != null ? http : HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build());
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(workers, r -> {
            Thread t = new Thread(r, "jupyterhub-launcher-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("JupyterHub launcher: openings still running after 10 s");
        }
    }

    @Override
    public NotebookSession open(DatasetId id, Viewer viewer) throws AnalysisException {
        String user = hubUser(viewer);
        Dataset dataset = visible(id, viewer);
        Key key = new Key(id, user);
        NotebookOpening opening = new NotebookOpening(dataset, user, settings, hub, s -> sessions.put(key, s));
        synchronized (sessions) {
            NotebookSession current = sessions.get(key);
            if (current != null && (current.state() == NotebookState.RECALLING
                    || current.state() == NotebookState.SPAWNING)) {
                return current;
            }
            NotebookSession first = opening.session(NotebookState.SPAWNING, 0, "", "Opening requested");
            sessions.put(key, first);
        }
        LOG.info("Notebook for dataset {} requested by {}", id.value(), user);
        try {
            return advance(key, opening);
        } catch (DataUnavailableException e) {
            sessions.remove(key);
            throw new AnalysisException(Reason.UNAVAILABLE, e.getMessage(), e);
        }
    }

    @Override
    public NotebookSession status(DatasetId id, Viewer viewer) throws AnalysisException {
        String user = hubUser(viewer);
        visible(id, viewer);
        NotebookSession session = sessions.get(new Key(id, user));
        if (session == null) {
            throw new AnalysisException(Reason.NOT_FOUND, "No notebook is being opened for dataset " + id.value()
                    + " by " + user + "; open one first (POST)");
        }
        return session;
    }

    /** Locates the files; schedules a re-check while any is being recalled, else the spawn. */
    private NotebookSession advance(Key key, NotebookOpening opening) throws DataUnavailableException {
        NotebookOpening.Files files = opening.locate(locator);
        if (files instanceof NotebookOpening.Files.Recalling r) {
            sessions.put(key, r.session());
            executor.schedule(() -> recheck(key, opening), settings.recallPoll().toMillis(), TimeUnit.MILLISECONDS);
            return r.session();
        }
        NotebookSession spawning = opening.session(NotebookState.SPAWNING, 0, "", "Asking JupyterHub for "
                + key.user() + "'s server");
        sessions.put(key, spawning);
        executor.execute(() -> spawn(key, opening, ((NotebookOpening.Files.Reachable) files).paths()));
        return spawning;
    }

    private void recheck(Key key, NotebookOpening opening) {
        try {
            advance(key, opening);
        } catch (DataUnavailableException | RuntimeException e) {
            fail(key, opening, "The files could not be recalled: " + e.getMessage(), e);
        }
    }

    private void spawn(Key key, NotebookOpening opening, List<String> paths) {
        try {
            NotebookSession ready = opening.spawnAndPlace(paths);
            sessions.put(key, ready);
            LOG.info("Notebook for dataset {} ready for {}: {}", key.dataset().value(), key.user(),
                    ready.notebookUrl());
        } catch (HubException e) {
            fail(key, opening, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(key, opening, "The platform stopped the launcher while the server was starting; open again", e);
        } catch (RuntimeException e) {
            fail(key, opening, "Opening the notebook failed unexpectedly: " + e, e);
        }
    }

    private void fail(Key key, NotebookOpening opening, String message, Exception e) {
        sessions.put(key, opening.session(NotebookState.FAILED, 0, "", message));
        LOG.warn("Notebook for dataset {} by {} failed: {}", key.dataset().value(), key.user(), message,
                e instanceof HubException ? null : e);
    }

    private static String hubUser(Viewer viewer) throws AnalysisException {
        if (viewer.username().isEmpty()) {
            throw new AnalysisException(Reason.FORBIDDEN, "Sign in to open a dataset in a notebook: the notebook"
                    + " server belongs to your account");
        }
        return viewer.username();
    }

    private Dataset visible(DatasetId id, Viewer viewer) throws AnalysisException {
        try {
            return catalog.find(id, viewer).orElseThrow(() -> new AnalysisException(Reason.NOT_FOUND,
                    "No dataset " + id.value() + " that you may see"));
        } catch (CatalogException e) {
            throw new AnalysisException(Reason.UNAVAILABLE, "The catalogue failed: " + e.getMessage(), e);
        }
    }
}
