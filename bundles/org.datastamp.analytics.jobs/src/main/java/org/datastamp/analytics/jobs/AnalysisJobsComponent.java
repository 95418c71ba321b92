package org.datastamp.analytics.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.datastamp.analytics.api.Provenance;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job service and provenance on the catalogue's database (decision 0030). Follows the processing plugins, the
 * storage tiers, the file locator and the unit converter as they come and go; owns the worker pool.
 */
@Component(service = { AnalysisJobs.class, Provenance.class }, configurationPid = AnalysisJobsComponent.PID)
@Designate(ocd = AnalysisJobsComponent.Config.class)
public class AnalysisJobsComponent implements AnalysisJobs, Provenance {

    static final String PID = "org.datastamp.analytics.jobs";

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisJobsComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP analysis jobs", description = "Runs processing plugins on catalogued"
            + " datasets and records the derived datasets with their provenance")
    public @interface Config {

        @AttributeDefinition(description = "Jobs running at once")
        int workers() default 2;

        @AttributeDefinition(description = "Jobs waiting for a worker; further submissions are refused until one"
                + " starts")
        int queueCapacity() default 100;

        @AttributeDefinition(description = "Seconds between asking again for input files being recalled from tape")
        int recallPollSeconds() default 10;

        @AttributeDefinition(description = "Capability id of the storage tier derived datasets are written to")
        String outputTier() default "hot-disk";

        @AttributeDefinition(description = "Seconds running jobs get to stop when the service stops")
        int stopTimeoutSeconds() default 30;

        @AttributeDefinition(description = "Namespace of the identifiers in PROV-JSON documents (datasets, jobs,"
                + " plugins, users)")
        String provNamespace() default "urn:datastamp:";
    }

    private final Plugins plugins = new Plugins();
    private final List<StorageBackend> tiers = new CopyOnWriteArrayList<>();
    private final JobService jobs;
    private final LineageGraph lineage;
    private final Duration stopTimeout;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DatasetFileLocator locator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UnitConverter units;

    private volatile JobService running;

    @Activate
    public AnalysisJobsComponent(Config config, BundleContext context,
            @Reference(target = "(datastamp.database=catalog)") DataSource dataSource, @Reference Catalog catalog)
            throws AnalysisException {
        DataDirectory data = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY));
        JobStore store = new JobStore(dataSource);
        JobEnvironment env = new JobEnvironment(new JobEnvironment.Settings(config.workers(), config.queueCapacity(),
                Duration.ofSeconds(Math.max(1, config.recallPollSeconds())), config.outputTier(), data.staging()),
                store, catalog, plugins, () -> Optional.ofNullable(locator), this::tier, this::knownUnit,
                Clock.systemUTC());
        this.jobs = new JobService(env);
        this.running = jobs;
        this.lineage = new LineageGraph(catalog, store, config.provNamespace());
        this.stopTimeout = Duration.ofSeconds(Math.max(0, config.stopTimeoutSeconds()));
        LOG.info("Analysis jobs ready: {} workers, queue of {}, output to {}, staging in {}", config.workers(),
                config.queueCapacity(), config.outputTier(), data.staging());
    }

    @Deactivate
    void deactivate() {
        running = null;
        jobs.shutdown(stopTimeout);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePlugin")
    void addPlugin(ProcessingPlugin plugin) {
        plugins.add(plugin);
    }

    void removePlugin(ProcessingPlugin plugin) {
        Optional<String> id = plugins.remove(plugin);
        JobService service = running;
        if (id.isPresent() && service != null) {
            service.pluginRemoved(id.get());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeTier")
    void addTier(StorageBackend tier) {
        tiers.add(tier);
    }

    void removeTier(StorageBackend tier) {
        tiers.remove(tier);
    }

    private Optional<StorageBackend> tier(String id) {
        return tiers.stream().filter(t -> t.capabilityId().equals(id)).findFirst();
    }

    /** Without a converter the catalogue's own check decides; with one, an unknown unit is kept as text. */
    private boolean knownUnit(String unit) {
        UnitConverter converter = units;
        if (converter == null) {
            return true;
        }
        try {
            converter.normalize(1, unit);
            return true;
        } catch (UnknownUnitException e) {
            return false;
        }
    }

    @Override
    public List<PluginDescription> plugins() {
        return jobs.plugins();
    }

    @Override
    public AnalysisJob submit(JobRequest request, Viewer viewer) throws AnalysisException {
        return jobs.submit(request, viewer);
    }

    @Override
    public Optional<AnalysisJob> job(String id, Viewer viewer) throws AnalysisException {
        return jobs.job(id, viewer);
    }

    @Override
    public List<AnalysisJob> jobs(Viewer viewer, int offset, int limit) throws AnalysisException {
        return jobs.jobs(viewer, offset, limit);
    }

    @Override
    public AnalysisJob cancel(String id, Viewer viewer) throws AnalysisException {
        return jobs.cancel(id, viewer);
    }

    @Override
    public Lineage lineage(DatasetId id, Viewer viewer) throws AnalysisException {
        return lineage.lineage(id, viewer);
    }

    @Override
    public String provJson(DatasetId id, Viewer viewer) throws AnalysisException {
        return lineage.provJson(id, viewer);
    }
}
