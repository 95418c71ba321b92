package org.datastamp.storage.disk;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.datastamp.core.api.DataDirectory;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.CapacityAware;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hot tier: objects as files on a local or mounted disk, by default under {@code <data dir>/hot}. */
@Component(service = { StorageBackend.class, ManagedBackend.class, CapacityAware.class }, configurationPid = HotDiskStorage.PID)
@Designate(ocd = HotDiskStorage.Config.class)
public class HotDiskStorage implements ManagedBackend, LocalFileBackend, CapacityAware {

    static final String PID = "org.datastamp.storage.disk";
    static final String ID = "hot-disk";

    private static final Logger LOG = LoggerFactory.getLogger(HotDiskStorage.class);

    @ObjectClassDefinition(name = "DataSTaMP hot-disk storage tier",
            description = "Stores objects as files under a directory")
    public @interface Config {

        @AttributeDefinition(description = "Directory holding the objects; empty means <datastamp.data.dir>/hot")
        String root() default "";

        @AttributeDefinition(description = "Flush every object to the device before it becomes visible (safe"
                + " against power loss, slower)")
        boolean fsync() default true;
    }

    private volatile DiskStore store;

    /** For DS. */
    public HotDiskStorage() {
    }

    /** For tests: a tier over a store without a framework. */
    HotDiskStorage(DiskStore store) {
        this.store = store;
    }

    @Activate
    @Modified
    void activate(Config config, BundleContext context) {
        Path root = config.root().isBlank()
                ? DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)).hot()
                : Path.of(config.root());
        store = new DiskStore(ID, root, config.fsync());
        LOG.info("Hot-disk storage tier at {} (fsync {})", store.root(), config.fsync());
    }

    @Override
    public String capabilityId() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Hot disk (" + store.root() + ")";
    }

    @Override
    public StorageTier tier() {
        return StorageTier.HOT_DISK;
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        store.put(key, content);
        LOG.info("Stored {} in {}", key, ID);
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return store.get(key);
    }

    @Override
    public Path localFile(String key) throws StorageException {
        return store.file(key);
    }

    @Override
    public boolean contains(String key) throws StorageException {
        return store.contains(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return store.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        return store.list(prefix);
    }

    @Override
    public void delete(String key) throws StorageException {
        store.delete(key);
        LOG.info("Deleted {} from {}", key, ID);
    }

    @Override
    public Capacity capacity() throws StorageException {
        return store.capacity();
    }
}
