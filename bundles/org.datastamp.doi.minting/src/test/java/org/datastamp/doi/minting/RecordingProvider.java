package org.datastamp.doi.minting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiProvider;

/** A DOI provider that remembers what it registered and can be told to refuse, as an agency that is down. */
final class RecordingProvider implements DoiProvider {

    final Map<String, DoiMetadata> registered = new LinkedHashMap<>();
    volatile String refusal = "";

    @Override
    public String capabilityId() {
        return "test-doi";
    }

    @Override
    public String displayName() {
        return "Test DOIs";
    }

    @Override
    public String prefix() {
        return "10.80000";
    }

    @Override
    public void register(Doi doi, DoiMetadata metadata) throws DoiException {
        if (!refusal.isEmpty()) {
            throw new DoiException(refusal);
        }
        registered.put(doi.value(), metadata);
    }

    @Override
    public void update(Doi doi, DoiMetadata metadata) throws DoiException {
        register(doi, metadata);
    }
}
