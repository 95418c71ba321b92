package org.datastamp.doi.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;

/**
 * The DOI minting workflow: a scientist selects datasets they own and fills in the metadata (proposed from the
 * catalogue); a curator approves, which registers the DOI with the configured {@link DoiProvider} and makes the
 * datasets public; or rejects with a reason. Transitions: REQUESTED -> APPROVED -> REGISTERED, REQUESTED -> REJECTED;
 * an APPROVED request whose registration failed is approved again to retry.
 */
public interface DoiMinting {

    /**
     * Metadata pre-filled from the catalogue (creators from the proposal with ORCIDs and affiliations, title,
     * techniques, collection dates, linked publications), for the request form.
     *
     * @throws MintingException NOT_FOUND for a dataset the viewer cannot see, FORBIDDEN for one they do not own
     */
    DoiMetadata proposeMetadata(List<DatasetId> datasets, Viewer viewer) throws MintingException;

    /** Asks for a DOI; the request waits for a curator. */
    MintRequest request(List<DatasetId> datasets, DoiMetadata metadata, Viewer viewer) throws MintingException;

    /** A curator approves: the DOI is registered, the datasets become public, the landing page answers. */
    MintRequest approve(String requestId, Viewer viewer) throws MintingException;

    /** A curator turns a request down with a reason. */
    MintRequest reject(String requestId, String reason, Viewer viewer) throws MintingException;

    /** One request: its requester and curators see it. */
    MintRequest find(String requestId, Viewer viewer) throws MintingException;

    /** Requests the viewer sees (curators: all; others: their own), oldest change first. */
    List<MintRequest> requests(Viewer viewer, int offset, int limit) throws MintingException;

    /** The registered DOI's request (public information). */
    Optional<MintRequest> registered(Doi doi) throws MintingException;

    /** Registered DOIs last changed in [from, until] (null: open), oldest change first, for harvesters. */
    List<MintRequest> registered(Instant from, Instant until, int offset, int limit) throws MintingException;
}
