package org.datastamp.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Ingest;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.rest.DatasetReader.Submission;
import org.datastamp.rest.JsonMapping.Related;

/**
 * The datasets: {@code GET /api/v1/datasets?q=&sort=&order=&offset=&limit=&facets=} searches,
 * {@code GET /api/v1/datasets/{id}} shows one, {@code POST /api/v1/datasets} and
 * {@code POST /api/v1/datasets/batch} register. Every read passes the caller's {@link Viewer} to the catalogue,
 * which applies the access rule; a dataset the caller may not see answers the same 404 as an unknown one, so ids
 * do not leak.
 */
final class DatasetsResource {

    static final String BATCH = "batch";

    private final Supplier<Catalog> catalog;
    private final Supplier<DatasetSearch> search;
    private final Supplier<FacilityDirectory> directory;
    private final DatasetReader reader;

    /** Each supplier gives {@code null} while its service is not registered; the resource then answers 503. */
    DatasetsResource(Supplier<Catalog> catalog, Supplier<DatasetSearch> search, Supplier<FacilityDirectory> directory,
            JsonCodec codec) {
        this.catalog = catalog;
        this.search = search;
        this.directory = directory;
        this.reader = new DatasetReader(codec);
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        Optional<String> id = request.itemSegment();
        if (id.isEmpty()) {
            request.requireMethod("GET", "POST");
            return request.method().equals("POST") ? registerOne(request) : search(request);
        }
        if (id.get().equals(BATCH) && request.method().equals("POST")) {
            return registerBatch(request);
        }
        request.requireMethod("GET");
        return one(request, id.get());
    }

    private ApiResponse search(ApiRequest request) throws ProblemException {
        SearchRequest query = SearchParameters.from(request);
        DatasetSearch current = search.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable("No catalogue search is running; check that the catalogue"
                    + " (e.g. org.datastamp.catalog.jdbc) and its search (e.g. org.datastamp.catalog.search) are active"));
        }
        try {
            return ApiResponse.ok(JsonMapping.searchResult(current.search(query, request.viewer()), query,
                    request.resourcePath()));
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The search service", e);
        }
    }

    private ApiResponse one(ApiRequest request, String text) throws ProblemException {
        DatasetId id;
        try {
            id = new DatasetId(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.notFound("No dataset '" + text + "': " + e.getMessage()));
        }
        Catalog current = catalogue();
        try {
            Dataset dataset = current.find(id, request.viewer())
                    .orElseThrow(() -> new ProblemException(Problem.notFound("No dataset with id '" + id
                            + "' that you may see")));
            return ApiResponse.ok(JsonMapping.dataset(dataset, request.resourcePath(), related(dataset)));
        } catch (CatalogException e) {
            throw CatalogErrors.problem(name(current), e);
        }
    }

    /** The directory records a dataset refers to; a missing directory only leaves them out. */
    private Related related(Dataset dataset) throws CatalogException {
        FacilityDirectory current = directory.get();
        if (current == null) {
            return Related.NONE;
        }
        var content = dataset.content();
        return new Related(
                content.proposalId().isEmpty() ? Optional.empty() : current.proposal(content.proposalId()),
                content.sessionId().isEmpty() ? Optional.empty() : current.session(content.sessionId()),
                content.sampleId().isEmpty() ? Optional.empty() : current.sample(content.sampleId()));
    }

    /** 201 with Location for a new dataset; 200 with the recorded one when the same id and content come again. */
    private ApiResponse registerOne(ApiRequest request) throws ProblemException {
        requireSignedIn(request.viewer());
        Submission submission = reader.readOne(request.body());
        requireMayIngest(request.viewer(), submission, "");
        Catalog current = catalogue();
        try {
            boolean existed = submission.id().isPresent()
                    && !current.recorded(List.of(submission.id().get())).isEmpty();
            Dataset dataset = submission.id().isPresent() ? current.register(submission.id().get(),
                    submission.dataset()) : current.register(submission.dataset());
            var json = JsonMapping.dataset(dataset, request.resourcePath(), related(dataset));
            String location = request.itemPath(dataset.id().value());
            return existed ? ApiResponse.ok(json) : new ApiResponse(201, json, ApiResponse.JSON,
                    Map.of("Location", location));
        } catch (CatalogException e) {
            throw CatalogErrors.problem(name(current), e);
        }
    }

    /** All or nothing; 201 when at least one dataset was new, 200 when the whole batch was recorded before. */
    private ApiResponse registerBatch(ApiRequest request) throws ProblemException {
        requireSignedIn(request.viewer());
        List<Submission> batch = reader.readBatch(request.body());
        for (int i = 0; i < batch.size(); i++) {
            requireMayIngest(request.viewer(), batch.get(i), "[" + i + "].");
        }
        Catalog current = catalogue();
        try {
            List<Ingest> ingests = new ArrayList<>();
            for (Submission submission : batch) {
                ingests.add(new Ingest(submission.id().get(), submission.dataset()));
            }
            // Counted before recording: ids recorded before this request are not new (a 409 reports a clash).
            Set<DatasetId> before = current.recorded(ingests.stream().map(Ingest::id).toList());
            int created = (int) ingests.stream().map(Ingest::id).distinct().filter(id -> !before.contains(id)).count();
            List<Dataset> datasets = current.registerAll(ingests);
            var json = JsonMapping.datasets(datasets, created, request.resourcePath());
            return new ApiResponse(created > 0 ? 201 : 200, json, ApiResponse.JSON, Map.of());
        } catch (CatalogException e) {
            throw CatalogErrors.problem(name(current), e);
        }
    }

    private static void requireSignedIn(Viewer viewer) throws ProblemException {
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Registering datasets needs a signed-in curator, admin or staff"
                    + " member of the dataset's instrument");
        }
    }

    /** Curators and admins ingest anywhere; beamline staff on their own instruments. */
    static void requireMayIngest(Viewer viewer, Submission submission, String prefix) throws ProblemException {
        String instrument = submission.dataset().instrument();
        if (!viewer.seesEverything() && !viewer.staffOf().contains(instrument)) {
            throw new ProblemException(Problem.forbidden("'" + viewer.username() + "' may not register datasets of"
                    + " instrument '" + instrument + "': only curators, admins and its beamline staff may")
                    .with("field", prefix + "instrument"));
        }
    }

    private Catalog catalogue() throws ProblemException {
        Catalog current = catalog.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable(
                    "No catalogue is running; check that a catalogue bundle (e.g. org.datastamp.catalog.jdbc) is active"));
        }
        return current;
    }

    private static String name(Catalog catalog) {
        return "The catalogue '" + catalog.capabilityId() + "'";
    }
}
