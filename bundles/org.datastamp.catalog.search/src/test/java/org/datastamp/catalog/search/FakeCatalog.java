package org.datastamp.catalog.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
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

/** A catalogue that only keeps a change feed, as the search index reads it. */
final class FakeCatalog implements Catalog {

    private final List<DatasetChange> changes = new ArrayList<>();
    /** What {@link #instanceId()} answers; a test changes it to stand for another database. */
    volatile String instanceId = "fake-catalogue-1";

    @Override
    public String instanceId() {
        return instanceId;
    }

    /** The {@code sequence} argument of every changesSince call, oldest first. */
    final List<Long> askedSince = new ArrayList<>();

    /** Records a change of a dataset (new or updated) and returns it. */
    synchronized Dataset change(String id, NewDataset content, DatasetAccess access, List<String> people) {
        Dataset dataset = new Dataset(new DatasetId(id), Instant.parse("2026-01-01T00:00:00Z"), content,
                Lifecycle.onHotDisk(), access, "");
        changes.add(new DatasetChange(changes.size() + 1, dataset, people));
        return dataset;
    }

    synchronized long lastSequence() {
        return changes.size();
    }

    /** Calls of changesSince that fail with a lost connection once this many calls have been served. */
    int failAfterCalls = Integer.MAX_VALUE;

    @Override
    public synchronized List<DatasetChange> changesSince(long sequence, int limit) throws CatalogException {
        if (askedSince.size() >= failAfterCalls) {
            throw new CatalogException("Connection to the catalogue database lost");
        }
        askedSince.add(sequence);
        return changes.stream().filter(c -> c.sequence() > sequence).limit(limit).toList();
    }

    @Override
    public String capabilityId() {
        return "fake-catalog";
    }

    @Override
    public String displayName() {
        return "Fake catalogue (change feed only)";
    }

    @Override
    public Dataset register(NewDataset dataset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Dataset register(DatasetId id, NewDataset dataset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Dataset> registerAll(List<Ingest> batch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Dataset> find(DatasetId id, Viewer viewer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Dataset> list(Viewer viewer, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long count(Viewer viewer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateLifecycle(DatasetId id, Lifecycle lifecycle) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PublishedData publish(PublishedData published) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<PublishedData> publishedData(String doi) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Publication savePublication(Publication publication) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Publication> publications(DatasetId id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Attachment attach(Attachment attachment, byte[] content) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Attachment> attachments(DatasetId id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<byte[]> attachmentContent(String attachmentId) {
        throw new UnsupportedOperationException();
    }
}
