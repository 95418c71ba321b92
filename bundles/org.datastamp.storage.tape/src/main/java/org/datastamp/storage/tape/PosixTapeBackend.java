package org.datastamp.storage.tape;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TAPE tier on a real library reached through a POSIX mount: one factory configuration
 * ({@code org.datastamp.storage.tape-<name>.cfg}) per mount.
 */
@Component(service = { StorageBackend.class, ManagedBackend.class, RecallableBackend.class,
    LocalFileBackend.class },
        configurationPid = PosixTapeBackend.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PosixTapeBackend.Config.class, factory = true)
public class PosixTapeBackend implements RecallableBackend, LocalFileBackend {

    static final String PID = "org.datastamp.storage.tape";

    private static final Logger LOG = LoggerFactory.getLogger(PosixTapeBackend.class);

    @ObjectClassDefinition(name = "DataSTaMP tape tier (POSIX mount)",
            description = "Objects as files on an LTFS / IBM Storage Archive / HSM file system")
    public @interface Config {

        @AttributeDefinition(description = "Folder on the tape file system holding the objects (required)")
        String root();

        @AttributeDefinition(description = "Capability id of this tier")
        String capabilityId() default "tape";

        @AttributeDefinition(description = "Recall command, e.g. 'eeadm recall {filelist}' or 'dsmrecall {files}';"
                + " empty recalls by reading the files")
        String recallCommand() default "";

        @AttributeDefinition(description = "Minutes one recall may take before it is reported as failed")
        long recallTimeoutMinutes() default 240;

        @AttributeDefinition(description = "Recalls that may wait behind the running one")
        int maxQueuedRecalls() default 1000;

        @AttributeDefinition(description = "Flush each object to the device before it becomes visible")
        boolean fsync() default true;
    }

    private volatile TapeMount mount;
    private volatile String id;
    private ExecutorService recaller;

    /** For DS. */
    public PosixTapeBackend() {
    }

    /** For tests: a tier over a mount without a framework. */
    PosixTapeBackend(String id, TapeMount mount) {
        this.id = id;
        this.mount = mount;
    }

    @Activate
    void activate(Config config) {
        if (config.root() == null || config.root().isBlank()) {
            throw new IllegalArgumentException(PID + ": 'root' must name the folder on the tape file system");
        }
        Path root = Path.of(config.root());
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(PID + ": root " + root + " is not a folder; is the tape file system"
                    + " mounted?");
        }
        id = config.capabilityId();
        // One recall at a time: the tape software orders each list by cartridge; parallel lists would fight for drives.
        recaller = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.maxQueuedRecalls())),
                r -> new Thread(r, "datastamp-tape-recall-" + id));
        mount = new TapeMount(id, root, config.fsync(),
                new RecallCommand(config.recallCommand(), Duration.ofMinutes(config.recallTimeoutMinutes())),
                recaller);
        LOG.info("Tape tier {} at {} (recall {})", id, root,
                config.recallCommand().isBlank() ? "by reading" : config.recallCommand());
    }

    @Deactivate
    void deactivate() {
        recaller.shutdownNow();
    }

    @Override
    public String capabilityId() {
        return id;
    }

    @Override
    public String displayName() {
        return "Tape (" + mount.root() + ")";
    }

    @Override
    public StorageTier tier() {
        return StorageTier.TAPE;
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        mount.put(key, content);
        LOG.info("Stored {} in {}", key, id);
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return mount.get(key);
    }

    /** Resident files are read in place (libhdf5 opens recalled NeXus files here); migrated ones start a recall. */
    @Override
    public Path localFile(String key) throws StorageException {
        return mount.onlineFile(key);
    }

    @Override
    public boolean contains(String key) throws StorageException {
        return mount.contains(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return mount.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        return mount.list(prefix);
    }

    @Override
    public void delete(String key) throws StorageException {
        mount.delete(key);
        LOG.info("Deleted {} from {}", key, id);
    }

    @Override
    public boolean isOnline(String key) throws StorageException {
        return mount.isOnline(key);
    }

    @Override
    public RecallTicket requestRecall(Collection<String> keys) throws StorageException {
        RecallTicket ticket = mount.requestRecall(keys);
        LOG.info("Recall {} of {} objects from {}", ticket.id(), keys.size(), id);
        return ticket;
    }

    @Override
    public RecallStatus recallStatus(RecallTicket ticket) throws StorageException {
        return mount.recallStatus(ticket);
    }
}
