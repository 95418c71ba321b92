package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A request to mint a DOI for a set of datasets, kept by the catalogue for the minting workflow.
 *
 * @param id        request id, e.g. {@code dr-4k7q2m}
 * @param datasets  the datasets to publish, at least one, no repeats
 * @param requester username of who asked
 * @param state     where it stands
 * @param doi       the DOI, set once a curator approved; empty before
 * @param metadata  the DOI metadata as a JSON document; its format is owned by the minting service
 * @param requested when it was asked for
 * @param decided   when a curator approved or rejected it; null before
 * @param decidedBy username of that curator, empty before
 * @param note      the curator's reason for a rejection, or the last registration failure; empty if none
 * @param updated   last change (the OAI-PMH datestamp of a registered DOI)
 */
public record DoiRequest(String id, List<DatasetId> datasets, String requester, DoiRequestState state, String doi,
        String metadata, Instant requested, Instant decided, String decidedBy, String note, Instant updated) {

    public DoiRequest {
        Ids.require("DOI request id", id);
        if (datasets == null || datasets.isEmpty()) {
            throw new IllegalArgumentException("DOI request " + id + " needs at least one dataset");
        }
        datasets = List.copyOf(datasets);
        if (new HashSet<>(datasets).size() != datasets.size()) {
            throw new IllegalArgumentException("DOI request " + id + " names a dataset twice");
        }
        Ids.require("requester of DOI request " + id, requester);
        Objects.requireNonNull(state, "state");
        doi = doi == null ? "" : doi;
        if (!doi.isEmpty()) {
            Dois.require(doi);
        }
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requested, "requested");
        decidedBy = decidedBy == null ? "" : decidedBy;
        note = note == null ? "" : note;
        Objects.requireNonNull(updated, "updated");
    }

    /** This request moved to another state. */
    public DoiRequest with(DoiRequestState newState, String newDoi, Instant newDecided, String newDecidedBy,
            String newNote, Instant now) {
        return new DoiRequest(id, datasets, requester, newState, newDoi, metadata, requested, newDecided,
                newDecidedBy, newNote, now);
    }
}
