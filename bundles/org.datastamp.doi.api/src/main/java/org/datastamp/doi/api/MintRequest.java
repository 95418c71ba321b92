package org.datastamp.doi.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DoiRequestState;

/**
 * A request to mint a DOI for datasets, as the minting workflow shows it.
 *
 * @param id        request id
 * @param datasets  the datasets to publish
 * @param requester who asked
 * @param state     where it stands
 * @param doi       the DOI once approved, empty before
 * @param metadata  what will be (or was) registered
 * @param requested when it was asked for
 * @param decided   when a curator decided, null before
 * @param decidedBy that curator, empty before
 * @param note      a rejection's reason or the last registration failure, empty if none
 * @param updated   last change
 */
public record MintRequest(String id, List<DatasetId> datasets, String requester, DoiRequestState state,
        String doi, DoiMetadata metadata, Instant requested, Instant decided, String decidedBy, String note,
        Instant updated) {

    public MintRequest {
        Objects.requireNonNull(id, "id");
        datasets = List.copyOf(datasets);
        Objects.requireNonNull(state, "state");
        doi = doi == null ? "" : doi;
        Objects.requireNonNull(metadata, "metadata");
        decidedBy = decidedBy == null ? "" : decidedBy;
        note = note == null ? "" : note;
    }

    /** The DOI, once a curator approved. */
    public Optional<Doi> mintedDoi() {
        return doi.isEmpty() ? Optional.empty() : Optional.of(new Doi(doi));
    }
}
