package org.datastamp.rest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;

/** {@code GET /api/datasets?offset=&limit=} (newest first) and {@code GET /api/datasets/{id}}. */
final class DatasetsResource {

    private final Supplier<Catalog> catalog;

    /** @param catalog the catalogue, or {@code null} from the supplier while none is registered */
    DatasetsResource(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        Optional<String> id = request.itemSegment();
        request.requireMethod("GET");
        return id.isPresent() ? one(request, id.get()) : page(request);
    }

    private ApiResponse page(ApiRequest request) throws ProblemException {
        PageQuery page = PageQuery.from(request);
        Catalog current = available();
        try {
            long total = current.count();
            List<Dataset> items = current.list(page.offset(), page.limit());
            return ApiResponse.ok(JsonMapping.datasetPage(total, page.offset(), page.limit(), items));
        } catch (CatalogException e) {
            throw failed(current, e);
        }
    }

    private ApiResponse one(ApiRequest request, String text) throws ProblemException {
        DatasetId id;
        try {
            id = new DatasetId(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.notFound("No dataset '" + text + "': " + e.getMessage()));
        }
        Catalog current = available();
        try {
            return current.find(id).map(JsonMapping::dataset).map(ApiResponse::ok)
                    .orElseThrow(() -> new ProblemException(Problem.notFound("No dataset with id '" + id + "'")));
        } catch (CatalogException e) {
            throw failed(current, e);
        }
    }

    private Catalog available() throws ProblemException {
        Catalog current = catalog.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable(
                    "No catalogue is running; check that a catalogue bundle (e.g. org.datastamp.catalog.jdbc) is active"));
        }
        return current;
    }

    private static ProblemException failed(Catalog catalog, CatalogException e) {
        return new ProblemException(Problem.internalError("The catalogue '" + catalog.capabilityId() + "' failed: "
                + e.getMessage()), e);
    }
}
