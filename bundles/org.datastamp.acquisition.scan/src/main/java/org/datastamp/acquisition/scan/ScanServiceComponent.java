package org.datastamp.acquisition.scan;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.detector.api.DetectorDriver;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan service: follows the detectors, control systems and storage tiers as they come and go, and runs scans
 * through a {@link ScanQueue}. A configuration change restarts the component (queued scans fail, a running
 * acquisition is stopped).
 */
@Component(service = ScanService.class, configurationPid = ScanServiceComponent.PID)
@Designate(ocd = ScanServiceComponent.Config.class)
public class ScanServiceComponent implements ScanService, ScanResources {

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

        @AttributeDefinition(description = "Largest scan accepted, in MiB of raw frames: the HDF5 writer holds a"
                + " whole scan in memory, so keep this well below the JVM heap")
        int maxScanMegabytes() default 1024;

        @AttributeDefinition(description = "0 writes frames uncompressed; 1-9 writes one byte-shuffled, deflated"
                + " chunk per frame at that level")
        int deflateLevel() default 0;

        @AttributeDefinition(description = "Seconds to let a scan that is writing its file finish when the service"
                + " stops")
        int stopTimeoutSeconds() default 60;
    }

    private final Map<String, DetectorDriver> detectors = new ConcurrentHashMap<>();
    private final List<ControlSystemConnector> controlSystems = new CopyOnWriteArrayList<>();
    private final List<StorageBackend> storages = new CopyOnWriteArrayList<>();

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
        ScanSettings settings = new ScanSettings(config.instrument(), config.storageId(), data.staging(),
                data.acquisition().resolve("last-scan-number"), config.queueCapacity(), config.recentScans(),
                (long) config.maxScanMegabytes() << 20, config.deflateLevel());
        queue = new ScanQueue(settings, this, Clock.systemUTC());
        LOG.info("Scan service ready: instrument {}, raw data to {}, staging in {}", config.instrument(),
                config.storageId(), data.staging());
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
}
