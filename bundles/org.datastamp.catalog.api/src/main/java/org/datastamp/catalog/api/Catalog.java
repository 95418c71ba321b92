package org.datastamp.catalog.api;

import java.util.List;
import java.util.Optional;

import org.datastamp.core.api.Capability;

/** The catalogue of datasets. Writes are atomic: a dataset is recorded whole or not at all. */
public interface Catalog extends Capability {

    /** Records a dataset and returns it with its assigned id. */
    Dataset register(NewDataset dataset) throws CatalogException;

    /** The dataset with this id, if recorded. */
    Optional<Dataset> find(DatasetId id) throws CatalogException;

    /** Datasets, newest first. */
    List<Dataset> list(int offset, int limit) throws CatalogException;

    /** How many datasets are recorded. */
    long count() throws CatalogException;
}
