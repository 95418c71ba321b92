package org.datastamp.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageLifecycle;
import org.datastamp.storage.api.UnknownIdException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Storage of datasets, under the catalogue's access rule:
 * <ul>
 * <li>{@code POST /api/v1/datasets/recall} {@code {"datasetIds":[...]}}: signed-in callers who may see every named
 * dataset; 202 with the recall status and {@code Location: /api/v1/recalls/{ticket}};</li>
 * <li>{@code GET /api/v1/recalls/{ticket}}: queued, staging, online or failed, with an ETA; only for who asked (or a
 * curator);</li>
 * <li>{@code GET /api/v1/datasets/{id}/copies}: where each copy of a dataset's files is and its state, for whoever
 * may see the dataset;</li>
 * <li>{@code GET /api/v1/storage/policies}: a status line per lifecycle policy, for curators and admins;</li>
 * <li>{@code GET /api/v1/storage/planning}: capacity per tier, growth, cost and the preservation period the budget
 * affords, for curators and admins.</li>
 * </ul>
 */
final class StorageResource {

    static final String RECALL = "/recall";
    static final String COPIES = "/copies";
    static final String POLICIES = "/policies";
    static final String PLANNING = "/planning";

    /** Largest recall request, in datasets: a bigger one is split by the client. */
    static final int MAX_DATASETS = 10_000;

    private final Supplier<StorageLifecycle> lifecycle;
    private final Supplier<StorageCopies> copies;
    private final Supplier<Catalog> catalog;
    private final Supplier<CapacityPlanning> planning;
    private final JsonCodec codec;

    /** For the dataset paths only (no planning). */
    StorageResource(Supplier<StorageLifecycle> lifecycle, Supplier<StorageCopies> copies, Supplier<Catalog> catalog,
            JsonCodec codec) {
        this(lifecycle, copies, catalog, () -> null, codec);
    }

    /** Each supplier gives {@code null} while its service is missing; the resource then answers 503. */
    StorageResource(Supplier<StorageLifecycle> lifecycle, Supplier<StorageCopies> copies, Supplier<Catalog> catalog,
            Supplier<CapacityPlanning> planning, JsonCodec codec) {
        this.lifecycle = lifecycle;
        this.copies = copies;
        this.catalog = catalog;
        this.planning = planning;
        this.codec = codec;
    }

    /** Whether a request to {@code /api/v1/datasets/...} is one of ours ({@code /recall}, {@code /{id}/copies}). */
    static boolean handlesDatasetPath(ApiRequest request) {
        String path = request.path();
        return path.equals(RECALL) || (path.endsWith(COPIES) && path.indexOf('/', 1) == path.length() - COPIES.length());
    }

    /** A request under {@code /api/v1/datasets}. */
    ApiResponse handleDatasets(ApiRequest request) throws ProblemException {
        if (request.path().equals(RECALL)) {
            request.requireMethod("POST");
            return recall(request);
        }
        request.requireMethod("GET");
        return copies(request, request.path().substring(1, request.path().length() - COPIES.length()));
    }

    /** A request under {@code /api/v1/recalls}. */
    ApiResponse handleRecalls(ApiRequest request) throws ProblemException {
        request.requireMethod("GET");
        Optional<String> ticket = request.itemSegment();
        if (ticket.isEmpty()) {
            throw new ProblemException(Problem.notFound("Recalls are followed one by one: GET " + request.resourcePath()
                    + "/{ticket}, with the ticket from POST /api/v1/datasets/recall"));
        }
        return status(request, ticket.get());
    }

    /** A request under {@code /api/v1/storage}. */
    ApiResponse handleStorage(ApiRequest request) throws ProblemException {
        if (request.path().equals(PLANNING)) {
            request.requireMethod("GET");
            requireCurator(request.viewer(), "the storage planning report");
            return planning();
        }
        if (!request.path().equals(POLICIES)) {
            throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()
                    + "; see " + request.resourcePath() + POLICIES + " and " + request.resourcePath() + PLANNING));
        }
        request.requireMethod("GET");
        requireCurator(request.viewer(), "the lifecycle policies");
        return ApiResponse.ok(StorageJson.policies(service().policies()));
    }

    private ApiResponse planning() throws ProblemException {
        CapacityPlanning current = planning.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable("No storage planning service is running; check that"
                    + " bundle org.datastamp.storage.lifecycle is active and its configuration"
                    + " (org.datastamp.storage.planning) is valid"));
        }
        try {
            return ApiResponse.ok(StorageJson.planning(current.report()));
        } catch (StorageException e) {
            throw new ProblemException(Problem.unavailable("The planning report cannot be made now: "
                    + e.getMessage()), e);
        }
    }

    private static void requireCurator(Viewer viewer, String what) throws ProblemException {
        requireSignedIn(viewer, "Sign in as a curator or admin to see " + what);
        if (!viewer.seesEverything()) {
            throw new ProblemException(Problem.forbidden("'" + viewer.username() + "' may not see " + what
                    + ": only curators and admins may"));
        }
    }

    private ApiResponse recall(ApiRequest request) throws ProblemException {
        Viewer viewer = request.viewer();
        requireSignedIn(viewer, "A recall needs a signed-in user who may see the datasets");
        List<String> ids = datasetIds(codec.read(request.body()));
        Catalog current = catalogue();
        for (int i = 0; i < ids.size(); i++) {
            requireVisible(current, ids.get(i), viewer, "datasetIds[" + i + "]");
        }
        StorageLifecycle service = service();
        try {
            RecallTicket ticket = service.prepare(ids, viewer.username());
            return ApiResponse.accepted(StorageJson.recall(service.status(ticket)), "/api/v1/recalls/" + ticket.id());
        } catch (UnknownIdException e) {
            throw new ProblemException(Problem.notFound(e.getMessage()), e);
        } catch (StorageException e) {
            throw new ProblemException(Problem.conflict("The datasets cannot be recalled now: " + e.getMessage()), e);
        }
    }

    private static List<String> datasetIds(JsonNode body) throws ProblemException {
        JsonNode ids = body.get("datasetIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new ProblemException(Problem.badRequest("Name the datasets to recall: {\"datasetIds\":"
                    + " [\"ds-...\", ...]}").with("field", "datasetIds"));
        }
        if (ids.size() > MAX_DATASETS) {
            throw new ProblemException(Problem.badRequest("At most " + MAX_DATASETS + " datasets per recall; split"
                    + " the request").with("field", "datasetIds"));
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isTextual() || ids.get(i).asText().isBlank()) {
                throw new ProblemException(Problem.badRequest("datasetIds[" + i + "] must be a dataset id (a string)")
                        .with("field", "datasetIds[" + i + "]"));
            }
            list.add(ids.get(i).asText());
        }
        return list;
    }

    private ApiResponse status(ApiRequest request, String id) throws ProblemException {
        Viewer viewer = request.viewer();
        requireSignedIn(viewer, "Recalls are followed by who asked for them");
        StorageLifecycle service = service();
        try {
            RecallTicket ticket = new RecallTicket(id);
            if (!viewer.seesEverything() && !service.requester(ticket).equals(viewer.username())) {
                throw new ProblemException(Problem.notFound("No recall '" + id + "' of yours"));
            }
            return ApiResponse.ok(StorageJson.recall(service.status(ticket)));
        } catch (UnknownIdException e) {
            throw new ProblemException(Problem.notFound(e.getMessage()), e);
        } catch (StorageException e) {
            throw new ProblemException(Problem.unavailable("The storage service cannot tell: " + e.getMessage()), e);
        }
    }

    private ApiResponse copies(ApiRequest request, String id) throws ProblemException {
        Catalog current = catalogue();
        DatasetId datasetId = requireVisible(current, id, request.viewer(), "id");
        StorageCopies records = copies.get();
        if (records == null) {
            throw new ProblemException(Problem.unavailable("The catalogue does not record storage copies; check that"
                    + " org.datastamp.catalog.jdbc is active"));
        }
        try {
            return ApiResponse.ok(StorageJson.copies(id, records.copies(datasetId)));
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The catalogue", e);
        }
    }

    /** The same 404 for an unknown dataset and one the caller may not see, so ids do not leak. */
    private static DatasetId requireVisible(Catalog catalog, String text, Viewer viewer, String field)
            throws ProblemException {
        try {
            DatasetId id = new DatasetId(text);
            if (catalog.find(id, viewer).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id: answered as unknown below
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The catalogue '" + catalog.capabilityId() + "'", e);
        }
        throw new ProblemException(Problem.notFound("No dataset with id '" + text + "' that you may see")
                .with("field", field));
    }

    private static void requireSignedIn(Viewer viewer, String why) throws ProblemException {
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized(why);
        }
    }

    private StorageLifecycle service() throws ProblemException {
        StorageLifecycle current = lifecycle.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable("No storage lifecycle service is running; check that"
                    + " bundle org.datastamp.storage.lifecycle is active"));
        }
        return current;
    }

    private Catalog catalogue() throws ProblemException {
        Catalog current = catalog.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable(
                    "No catalogue is running; check that a catalogue bundle (e.g. org.datastamp.catalog.jdbc) is active"));
        }
        return current;
    }

}
