package org.datastamp.catalog.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.core.api.Capability;

/**
 * The catalogue of datasets, the system of record. Writes are atomic: a dataset (or a whole batch) is recorded whole
 * or not at all. Every read that takes a {@link Viewer} applies the access rule described there.
 */
public interface Catalog extends Capability {

    /** Records a dataset under a new id. */
    Dataset register(NewDataset dataset) throws CatalogException;

    /**
     * Records a dataset under the client's id. Idempotent: registering the same content under the same id again
     * returns the recorded dataset; different content under a recorded id is a {@link ConflictException}.
     */
    Dataset register(DatasetId id, NewDataset dataset) throws CatalogException;

    /** Records a batch in one transaction, each idempotent as {@link #register(DatasetId, NewDataset)}. */
    List<Dataset> registerAll(List<Ingest> batch) throws CatalogException;

    /**
     * Which of these ids are recorded, whoever may see the datasets (an ingesting client learns of a clash as a
     * conflict). The default looks each up; catalogues answer with one query.
     */
    default Set<DatasetId> recorded(Collection<DatasetId> ids) throws CatalogException {
        Set<DatasetId> found = new HashSet<>();
        for (DatasetId id : ids) {
            if (find(id, Viewer.system()).isPresent()) {
                found.add(id);
            }
        }
        return found;
    }

    /** The dataset with this id, if recorded and visible to the viewer. */
    Optional<Dataset> find(DatasetId id, Viewer viewer) throws CatalogException;

    /**
     * The datasets recorded with {@code id} among their {@link NewDataset#inputs() inputs} that the viewer may see,
     * oldest first: provenance read the other way round. The default pages through every dataset the viewer sees;
     * catalogues answer with one query.
     *
     * @since 2.4
     */
    default List<DatasetId> derivedFrom(DatasetId id, Viewer viewer) throws CatalogException {
        List<DatasetId> derived = new ArrayList<>();
        List<Dataset> page;
        int offset = 0;
        do {
            page = list(viewer, offset, 1000);
            for (Dataset d : page) {
                if (d.content().inputs().contains(id)) {
                    derived.add(d.id());
                }
            }
            offset += page.size();
        } while (page.size() == 1000);
        Collections.reverse(derived);
        return derived;
    }

    /** Datasets visible to the viewer, newest first. */
    List<Dataset> list(Viewer viewer, int offset, int limit) throws CatalogException;

    /** How many datasets the viewer can see. */
    long count(Viewer viewer) throws CatalogException;

    /** Records where a dataset's files are now (storage service). */
    void updateLifecycle(DatasetId id, Lifecycle lifecycle) throws CatalogException;

    /** Registers minted DOI data; its datasets become public from its registration time. */
    PublishedData publish(PublishedData published) throws CatalogException;

    /** Minted DOI data, by DOI. */
    Optional<PublishedData> publishedData(String doi) throws CatalogException;

    /** Records a publication that used datasets. */
    Publication savePublication(Publication publication) throws CatalogException;

    /** Publications that used this dataset. */
    List<Publication> publications(DatasetId id) throws CatalogException;

    /** Attaches an image or note (content at most a few MB) to a dataset. */
    Attachment attach(Attachment attachment, byte[] content) throws CatalogException;

    /** A dataset's attachments, oldest first. */
    List<Attachment> attachments(DatasetId id) throws CatalogException;

    /** An attachment's content. */
    Optional<byte[]> attachmentContent(String attachmentId) throws CatalogException;

    /**
     * Identifies this catalogue's database. It differs for another database (another URL, a fresh one), so an index
     * built from the change feed knows to start over instead of mixing two catalogues.
     */
    String instanceId() throws CatalogException;

    /** Changes after the given sequence number, oldest first, at most {@code limit}; for search indexers. */
    List<DatasetChange> changesSince(long sequence, int limit) throws CatalogException;
}
