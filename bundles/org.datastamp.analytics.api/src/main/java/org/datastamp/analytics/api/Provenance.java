package org.datastamp.analytics.api;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;

/** The provenance of datasets, from the catalogue's inputs and the jobs that ran. */
public interface Provenance {

    /** The lineage graph around {@code id} as {@code viewer} may see it. */
    Lineage lineage(DatasetId id, Viewer viewer) throws AnalysisException;

    /** The same graph as a W3C PROV-JSON document (entities, activities, agents and their relations). */
    String provJson(DatasetId id, Viewer viewer) throws AnalysisException;
}
