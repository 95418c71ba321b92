package org.datastamp.ui.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;

/**
 * A dataset with the directory records it refers to, as the detail pane shows it; each record is empty when the
 * dataset has none or the directory does not know it.
 */
record DatasetDetail(Dataset dataset, Optional<Proposal> proposal, Optional<Session> session, Optional<Sample> sample,
        List<Publication> publications) {

    DatasetDetail {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(sample, "sample");
        publications = List.copyOf(publications);
    }

    static DatasetDetail of(Dataset dataset) {
        return new DatasetDetail(dataset, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
