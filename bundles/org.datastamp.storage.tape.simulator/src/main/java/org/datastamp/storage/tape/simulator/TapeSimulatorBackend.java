package org.datastamp.storage.tape.simulator;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.datastamp.core.api.DataDirectory;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated tape library as a TAPE tier, for demos, tests and scheduling studies. Active only when configured
 * (an {@code org.datastamp.storage.tape.simulator.cfg} file), so no installation gets a pretend tape tier by
 * accident.
 */
@Component(service = { StorageBackend.class, ManagedBackend.class, RecallableBackend.class },
        configurationPid = TapeSimulatorBackend.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TapeSimulatorBackend.Config.class)
public class TapeSimulatorBackend implements RecallableBackend {

    static final String PID = "org.datastamp.storage.tape.simulator";

    private static final Logger LOG = LoggerFactory.getLogger(TapeSimulatorBackend.class);

    @ObjectClassDefinition(name = "DataSTaMP tape-library simulator",
            description = "A TAPE storage tier with simulated drives, cartridges, mounts and seeks")
    public @interface Config {

        @AttributeDefinition(description = "Capability id of this tier")
        String capabilityId() default "tape-sim";

        @AttributeDefinition(description = "Folder holding the objects and the placement catalogue; empty means"
                + " <datastamp.data.dir>/tape-sim")
        String root() default "";

        @AttributeDefinition(description = "Number of tape drives")
        int drives() default 6;

        @AttributeDefinition(description = "Native cartridge capacity in GB (LTO-8: 12000)")
        long cartridgeGigabytes() default 12_000;

        @AttributeDefinition(description = "Seconds to fetch, load and thread a cartridge")
        double mountSeconds() default 15;

        @AttributeDefinition(description = "Seconds to rewind, unload and put back a cartridge")
        double unmountSeconds() default 15;

        @AttributeDefinition(description = "Seconds to locate from one end of the tape to the other")
        double fullSeekSeconds() default 100;

        @AttributeDefinition(description = "Native streaming speed of one drive in MB/s (LTO-8: 360)")
        double streamingMegabytesPerSecond() default 360;

        @AttributeDefinition(description = "Real seconds per simulated second: 0.001 makes a 65 s recall take"
                + " 65 ms")
        double timeScale() default 0.001;

        @AttributeDefinition(description = "Simulated seconds a recalled object stays online in the drive cache")
        double onlineRetentionSeconds() default 3600;

        @AttributeDefinition(description = "Recall scheduling: BY_CARTRIDGE (group and order by position) or"
                + " ARRIVAL_ORDER (the naive baseline)")
        String scheduler() default "BY_CARTRIDGE";
    }

    private volatile TapeLibrary library;
    private volatile String id;

    /** For DS. */
    public TapeSimulatorBackend() {
    }

    /** For tests: a tier over a library without a framework. */
    TapeSimulatorBackend(String id, TapeLibrary library) {
        this.id = id;
        this.library = library;
    }

    @Activate
    void activate(Config config, BundleContext context) throws StorageException {
        Path root = config.root().isBlank()
                ? DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)).root().resolve("tape-sim")
                : Path.of(config.root());
        id = config.capabilityId();
        library = new TapeLibrary(id, root, settings(config), Clock.systemUTC());
        LOG.info("Tape-library simulator {} at {}: {} drives, scheduler {}, 1 simulated s = {} s", id, root,
                config.drives(), config.scheduler(), config.timeScale());
    }

    static TapeLibrary.Settings settings(Config config) {
        RecallScheduler.Strategy strategy;
        try {
            strategy = RecallScheduler.Strategy.valueOf(config.scheduler().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": scheduler '" + config.scheduler()
                    + "' is unknown; use BY_CARTRIDGE or ARRIVAL_ORDER", e);
        }
        LibraryModel model = new LibraryModel(config.drives(), config.cartridgeGigabytes() * 1_000_000_000L,
                config.mountSeconds(), config.unmountSeconds(), config.fullSeekSeconds(),
                config.streamingMegabytesPerSecond() * 1_000_000);
        return new TapeLibrary.Settings(model, strategy, config.timeScale(), config.onlineRetentionSeconds());
    }

    @Override
    public String capabilityId() {
        return id;
    }

    @Override
    public String displayName() {
        return "Tape library simulator (" + library.objectsFolder().getParent() + ")";
    }

    @Override
    public StorageTier tier() {
        return StorageTier.TAPE;
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        library.put(key, content);
        LOG.info("Stored {} in {}", key, id);
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return library.get(key);
    }

    @Override
    public boolean contains(String key) throws StorageException {
        return library.contains(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return library.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        return library.list(prefix);
    }

    @Override
    public void delete(String key) throws StorageException {
        library.delete(key);
        LOG.info("Deleted {} from {}", key, id);
    }

    @Override
    public boolean isOnline(String key) throws StorageException {
        return library.isOnline(key);
    }

    @Override
    public RecallTicket requestRecall(Collection<String> keys) throws StorageException {
        RecallTicket ticket = library.requestRecall(keys);
        LOG.info("Recall {} of {} objects from {}", ticket.id(), keys.size(), id);
        return ticket;
    }

    @Override
    public RecallStatus recallStatus(RecallTicket ticket) throws StorageException {
        return library.recallStatus(ticket);
    }
}
