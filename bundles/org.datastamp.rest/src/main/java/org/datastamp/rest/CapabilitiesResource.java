package org.datastamp.rest;

import java.util.function.Supplier;

import org.datastamp.core.api.CapabilityRegistry;

/** {@code GET /api/capabilities}: every capability registered now, with the bundle that provides it. */
final class CapabilitiesResource {

    private final Supplier<CapabilityRegistry> registry;

    /** @param registry the registry, or {@code null} from the supplier while none is registered */
    CapabilitiesResource(Supplier<CapabilityRegistry> registry) {
        this.registry = registry;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        if (!request.path().isEmpty()) {
            throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()));
        }
        request.requireMethod("GET");
        CapabilityRegistry current = registry.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable(
                    "The capability registry is not running; check that bundle org.datastamp.core.registry is active"));
        }
        return ApiResponse.ok(JsonMapping.capabilities(current.capabilities()));
    }
}
