package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Requests to mint DOIs, kept in the catalogue database beside the datasets they name. Changes are guarded by the
 * state a request is expected to be in, so two curators acting at once cannot both move it.
 */
public interface DoiRequests {

    /**
     * Records a new request.
     *
     * @throws ConflictException     when a request with that id exists
     * @throws InvalidInputException when a dataset is not recorded ({@code datasets[i]})
     */
    DoiRequest createDoiRequest(DoiRequest request) throws CatalogException;

    /**
     * Replaces a request if it is still in the expected state.
     *
     * @throws ConflictException when it is in another state now (someone else acted first) or unknown
     */
    DoiRequest updateDoiRequest(DoiRequest request, DoiRequestState expected) throws CatalogException;

    Optional<DoiRequest> doiRequest(String id) throws CatalogException;

    Optional<DoiRequest> doiRequestByDoi(String doi) throws CatalogException;

    /**
     * Requests in a state (null for any), of a requester (empty for anyone), last updated in [from, until] (null for
     * open ends), oldest update first.
     */
    List<DoiRequest> doiRequests(DoiRequestState state, String requester, Instant from, Instant until, int offset,
            int limit) throws CatalogException;
}
