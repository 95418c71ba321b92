package org.datastamp.doi.api;

import org.datastamp.core.api.Capability;

/**
 * A registration agency (or a local stand-in) that mints DOIs under a prefix. Registering is idempotent: registering
 * a DOI that this provider already holds updates its metadata, so a registration cut short (a crash, a timeout) is
 * completed by doing it again.
 */
public interface DoiProvider extends Capability {

    /** The DOI prefix this provider mints under, e.g. {@code 10.5072}. */
    String prefix();

    /**
     * Registers the DOI with its metadata and makes it findable: it resolves to
     * {@link DoiMetadata#landingPage()} and is listed in the agency's search.
     *
     * @param doi      a DOI under {@link #prefix()}
     * @param metadata what to register; its landing page must be set
     * @throws DoiException when the agency refuses (the message carries its reason) or cannot be reached
     */
    void register(Doi doi, DoiMetadata metadata) throws DoiException;

    /**
     * Replaces the metadata (and landing page) of a DOI registered before.
     *
     * @throws DoiException when the DOI is unknown to the agency, it refuses, or cannot be reached
     */
    void update(Doi doi, DoiMetadata metadata) throws DoiException;
}
