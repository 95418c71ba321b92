package org.datastamp.acquisition.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetChange;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Ingest;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.PublishedData;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.MetadataSchema;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/** Plain stand-ins for the services a scan uses, so scans run in a unit test. */
final class Fakes {

    private Fakes() {
    }

    static final class Resources implements ScanResources {
        final Map<String, DetectorDriver> detectors = new ConcurrentHashMap<>();
        final List<ControlSystemConnector> controls = new CopyOnWriteArrayList<>();
        volatile StorageBackend storage = new MemoryStorage();
        volatile Catalog catalog = new MemoryCatalog();
        volatile ScanFileWriter writer;
        volatile MetadataConfigurations configurations;
        final List<MetadataSchema> schemas = new CopyOnWriteArrayList<>();
        volatile LiveTap live = new LiveTap(0, System::nanoTime);

        Resources with(DetectorDriver detector) {
            detectors.put(detector.capabilityId(), detector);
            return this;
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
            return List.copyOf(controls);
        }

        @Override
        public Optional<StorageBackend> storage() {
            return Optional.ofNullable(storage);
        }

        @Override
        public Optional<Catalog> catalog() {
            return Optional.ofNullable(catalog);
        }

        @Override
        public Optional<ScanFileWriter> scanFileWriter() {
            return Optional.ofNullable(writer);
        }

        @Override
        public Optional<MetadataConfigurations> metadataConfigurations() {
            return Optional.ofNullable(configurations);
        }

        @Override
        public List<MetadataSchema> schemas() {
            return List.copyOf(schemas);
        }

        @Override
        public LiveTap liveTap() {
            return live;
        }

        MemoryStorage memoryStorage() {
            return (MemoryStorage) storage;
        }

        MemoryCatalog memoryCatalog() {
            return (MemoryCatalog) catalog;
        }
    }

    static class MemoryStorage implements StorageBackend {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        @Override
        public String capabilityId() {
            return "hot-disk";
        }

        @Override
        public String displayName() {
            return "memory";
        }

        @Override
        public StorageTier tier() {
            return StorageTier.HOT_DISK;
        }

        @Override
        public void put(String key, InputStream content) throws StorageException {
            try {
                if (objects.putIfAbsent(key, content.readAllBytes()) != null) {
                    throw new StorageException("exists: " + key);
                }
            } catch (IOException e) {
                throw new StorageException("read failed", e);
            }
        }

        @Override
        public InputStream get(String key) throws StorageException {
            byte[] bytes = objects.get(key);
            if (bytes == null) {
                throw new StorageException("missing: " + key);
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean contains(String key) {
            return objects.containsKey(key);
        }
    }

    /** Records datasets in a list; the scan uses only register, the rest answers as an empty catalogue would. */
    static final class MemoryCatalog implements Catalog {
        final List<Dataset> datasets = new CopyOnWriteArrayList<>();

        @Override
        public String capabilityId() {
            return "memory-catalog";
        }

        @Override
        public String displayName() {
            return "memory";
        }

        @Override
        public Dataset register(NewDataset dataset) throws CatalogException {
            return register(new DatasetId("ds-" + (datasets.size() + 1)), dataset);
        }

        /** As the contract says: the same content again under a recorded id returns it; other content conflicts. */
        @Override
        public synchronized Dataset register(DatasetId id, NewDataset dataset) throws CatalogException {
            Optional<Dataset> recorded = datasets.stream().filter(d -> d.id().equals(id)).findFirst();
            if (recorded.isPresent()) {
                if (!recorded.get().content().equals(dataset)) {
                    throw new ConflictException("Dataset " + id + " is recorded with other content");
                }
                return recorded.get();
            }
            Dataset d = new Dataset(id, Instant.now(), dataset, Lifecycle.onHotDisk(),
                    new DatasetAccess(dataset.proposalId(), dataset.instrument(), dataset.endTime()), "");
            datasets.add(d);
            return d;
        }

        @Override
        public List<Dataset> registerAll(List<Ingest> batch) throws CatalogException {
            List<Dataset> recorded = new ArrayList<>();
            for (Ingest i : batch) {
                recorded.add(register(i.id(), i.dataset()));
            }
            return recorded;
        }

        @Override
        public Optional<Dataset> find(DatasetId id, Viewer viewer) {
            return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<Dataset> list(Viewer viewer, int offset, int limit) {
            List<Dataset> newest = new ArrayList<>(datasets);
            java.util.Collections.reverse(newest);
            return newest.subList(Math.min(offset, newest.size()), Math.min(offset + limit, newest.size()));
        }

        @Override
        public long count(Viewer viewer) {
            return datasets.size();
        }

        @Override
        public void updateLifecycle(DatasetId id, Lifecycle lifecycle) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public PublishedData publish(PublishedData published) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public Optional<PublishedData> publishedData(String doi) {
            return Optional.empty();
        }

        @Override
        public Publication savePublication(Publication publication) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public List<Publication> publications(DatasetId id) {
            return List.of();
        }

        @Override
        public Attachment attach(Attachment attachment, byte[] content) {
            throw new UnsupportedOperationException("not used by scans");
        }

        @Override
        public List<Attachment> attachments(DatasetId id) {
            return List.of();
        }

        @Override
        public Optional<byte[]> attachmentContent(String attachmentId) {
            return Optional.empty();
        }

        @Override
        public String instanceId() {
            return "fake-catalogue";
        }

        @Override
        public List<DatasetChange> changesSince(long sequence, int limit) {
            return List.of();
        }
    }

    /** A control system with a temperature and a motor. */
    static final class Controls implements ControlSystemConnector {
        static final ControlVariable TEMPERATURE = new ControlVariable("sample environment", "sample_temperature",
                "sim/cryo/cryostream-01", "Temperature", "K", 80.0, 500.0, 1);
        static final ControlVariable SAMPLE_X = new ControlVariable("sample stage", "sample_x", "sim/mot/sample-x",
                "Position", "mm", -25.0, 25.0, 2);
        volatile boolean broken;

        @Override
        public String capabilityId() {
            return "fake-controls";
        }

        @Override
        public String displayName() {
            return "fake";
        }

        @Override
        public List<ControlVariable> variables() {
            return List.of(TEMPERATURE, SAMPLE_X);
        }

        @Override
        public List<VariableReading> readAll() throws ControlSystemException {
            if (broken) {
                throw new ControlSystemException("sim/cryo/cryostream-01: device not exported");
            }
            Instant now = Instant.now();
            return List.of(new VariableReading(TEMPERATURE, 295.125, now), new VariableReading(SAMPLE_X, 1.5, now));
        }
    }
}
