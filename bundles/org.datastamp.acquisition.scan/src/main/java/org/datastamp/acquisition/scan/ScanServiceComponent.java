package org.datastamp.acquisition.scan;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.Frame;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.MetadataSchema;
import org.datastamp.storage.api.StorageBackend;
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
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan service: follows the detectors, control systems, storage tiers, the streaming scan-file writer, the
 * metadata configurations and schema plugins as they come and go, and runs scans through a {@link ScanQueue}. It is
 * also the {@link LiveFrames} service, since its scans feed the live tap. On activation it recovers scans a crash
 * interrupted. A configuration change restarts the component (queued scans fail, a running acquisition is
 * stopped).
 */
@Component(service = {ScanService.class, LiveFrames.class}, configurationPid = ScanServiceComponent.PID)
@Designate(ocd = ScanServiceComponent.Config.class)
public class ScanServiceComponent implements ScanService, LiveFrames, ScanResources {

    static final String PID = "org.datastamp.acquisition.scan";

    private static final Logger LOG = LoggerFactory.getLogger(ScanServiceComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP scan service",
            description = "Acquires frames into NeXus files and records them in the catalogue")
    public @interface Config {

        @AttributeDefinition(description = "Beamline name recorded with every dataset")
        String instrument() default "SimBeamline";

        @AttributeDefinition(description = "Capability id of the storage tier raw data goes to")
        String storageId() default "hot-disk";

        @AttributeDefinition(description = "Scans that may wait while one runs; more are refused")
        int queueCapacity() default 16;

        @AttributeDefinition(description = "How many recent scans' status is kept")
        int recentScans() default 100;

        @AttributeDefinition(description = "Largest scan accepted while no HDF5 scan-file writer is installed, in"
                + " MiB of raw frames: the built-in jhdf writer holds a whole scan in memory, so keep this well below"
                + " the JVM heap")
        int maxScanMegabytes() default 1024;

        @AttributeDefinition(description = "Built-in jhdf writer only: 0 writes frames uncompressed; 1-9 writes one"
                + " byte-shuffled, deflated chunk per frame at that level")
        int deflateLevel() default 0;

        @AttributeDefinition(description = "Frames the queue between the detector and the file writer holds")
        int frameQueueFrames() default 1024;

        @AttributeDefinition(description = "MiB of frames the queue between the detector and the file writer holds")
        int frameQueueMegabytes() default 512;

        @AttributeDefinition(description = "When the frame queue is full: 'block' slows the detector's receiver"
                + " down (no frame lost here), 'drop' drops the frame and records how many were dropped",
                options = {@Option(label = "block", value = "block"), @Option(label = "drop", value = "drop")})
        String whenQueueFull() default "block";

        @AttributeDefinition(description = "The writer makes frames durable after this many frames...")
        int flushEveryFrames() default 100;

        @AttributeDefinition(description = "...or after this many milliseconds, whichever comes first")
        int flushIntervalMillis() default 1000;

        @AttributeDefinition(description = "Frames per HDF5 data file (streaming writer)")
        int framesPerDataFile() default 1000;

        @AttributeDefinition(description = "Frames per second and detector kept for live viewers; 0 keeps none")
        double liveRateHz() default 10;

        @AttributeDefinition(description = "Seconds to let a scan that is writing its file finish when the service"
                + " stops")
        int stopTimeoutSeconds() default 60;
    }

    private final Map<String, DetectorDriver> detectors = new ConcurrentHashMap<>();
    private final List<ControlSystemConnector> controlSystems = new CopyOnWriteArrayList<>();
    private final List<StorageBackend> storages = new CopyOnWriteArrayList<>();
    private final List<MetadataSchema> schemas = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanFileWriter scanFileWriter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MetadataConfigurations metadataConfigurations;

    private volatile LiveTap liveTap = new LiveTap(0, System::nanoTime);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Catalog catalog;

    private String storageId;
    private int stopTimeoutSeconds;
    private ScanQueue queue;

    @Activate
    void activate(Config config, BundleContext context) {
        DataDirectory data = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY));
        storageId = config.storageId();
        stopTimeoutSeconds = config.stopTimeoutSeconds();
        PipelineSettings pipeline = new PipelineSettings(config.frameQueueFrames(),
                (long) config.frameQueueMegabytes() << 20, WhenQueueFull.parse(config.whenQueueFull()),
                config.flushEveryFrames(), config.flushIntervalMillis(), config.framesPerDataFile(),
                config.liveRateHz());
        ScanSettings settings = new ScanSettings(config.instrument(), config.storageId(), data.staging(),
                data.acquisition().resolve("last-scan-number"), config.queueCapacity(), config.recentScans(),
                (long) config.maxScanMegabytes() << 20, config.deflateLevel(), pipeline);
        liveTap = new LiveTap(pipeline.liveRateHz(), System::nanoTime);
        queue = new ScanQueue(settings, this, Clock.systemUTC());
        queue.recoverInterruptedScans();
        LOG.info("Scan service ready: instrument {}, raw data to {}, staging in {}, files written by {}, frame queue"
                + " {} frames / {} MiB ({} when full)", config.instrument(), config.storageId(), data.staging(),
                scanFileWriter == null ? "the built-in jhdf writer (whole scan in memory)"
                        : scanFileWriter.getClass().getName(),
                pipeline.queueFrames(), config.frameQueueMegabytes(), pipeline.whenQueueFull());
    }

    @Deactivate
    void deactivate() {
        queue.shutdown(stopTimeoutSeconds, TimeUnit.SECONDS);
    }

    @Override
    public ScanStatus start(ScanRequest request) throws ScanException {
        return queue.start(request);
    }

    @Override
    public Optional<ScanStatus> status(ScanId id) {
        return queue.status(id);
    }

    @Override
    public List<ScanStatus> recent() {
        return queue.recent();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDetector")
    void addDetector(DetectorDriver detector) {
        detectors.put(detector.capabilityId(), detector);
    }

    void removeDetector(DetectorDriver detector) {
        String id = detector.capabilityId();
        if (detectors.remove(id, detector) && queue != null) {
            queue.detectorLeft(id);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeControlSystem")
    void addControlSystem(ControlSystemConnector connector) {
        controlSystems.add(connector);
    }

    void removeControlSystem(ControlSystemConnector connector) {
        controlSystems.remove(connector);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStorage")
    void addStorage(StorageBackend storage) {
        storages.add(storage);
    }

    void removeStorage(StorageBackend storage) {
        storages.remove(storage);
    }

    @Override
    public Optional<Frame> latest(String detectorId) {
        return liveTap.latest(detectorId);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSchema")
    void addSchema(MetadataSchema schema) {
        schemas.add(schema);
    }

    void removeSchema(MetadataSchema schema) {
        schemas.remove(schema);
    }

    @Override
    public Optional<DetectorDriver> detector(String id) {
        return Optional.ofNullable(detectors.get(id));
    }

    @Override
    public Collection<String> detectorIds() {
        return List.copyOf(detectors.keySet());
    }

    @Override
    public List<ControlSystemConnector> controlSystems() {
        return List.copyOf(controlSystems);
    }

    @Override
    public Optional<StorageBackend> storage() {
        return storages.stream().filter(s -> s.capabilityId().equals(storageId)).findFirst();
    }

    @Override
    public Optional<Catalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    @Override
    public Optional<ScanFileWriter> scanFileWriter() {
        return Optional.ofNullable(scanFileWriter);
    }

    @Override
    public Optional<MetadataConfigurations> metadataConfigurations() {
        return Optional.ofNullable(metadataConfigurations);
    }

    @Override
    public List<MetadataSchema> schemas() {
        return List.copyOf(schemas);
    }

    @Override
    public LiveTap liveTap() {
        return liveTap;
    }
}
