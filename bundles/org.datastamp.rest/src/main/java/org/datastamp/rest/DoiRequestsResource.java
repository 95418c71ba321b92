package org.datastamp.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;

/**
 * The DOI minting workflow over HTTP: {@code GET /api/v1/doi-requests/form?datasets=a,b} (metadata pre-filled from
 * the catalogue), {@code POST /api/v1/doi-requests} {@code {"datasets":[...],"metadata":{...}}} (201), {@code GET}
 * the caller's requests (curators: all) or one, and for curators {@code POST /{id}/approve} and
 * {@code POST /{id}/reject} {@code {"reason":"..."}}.
 */
final class DoiRequestsResource {

    /** DOI metadata records map to JSON by component name, strictly: a misspelt field is a 400, not ignored. */
    private static final ObjectMapper RECORDS = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Supplier<DoiMinting> minting;
    private final JsonCodec codec;

    DoiRequestsResource(Supplier<DoiMinting> minting, JsonCodec codec) {
        this.minting = minting;
        this.codec = codec;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        if (request.viewer().username().isEmpty()) {
            throw ApiAuthentication.unauthorized("DOI requests need a signed-in user");
        }
        DoiMinting service = minting.get();
        if (service == null) {
            throw new ProblemException(Problem.unavailable("The DOI minting service is not running"));
        }
        String[] segments = request.path().isEmpty() ? new String[0] : request.path().substring(1).split("/", -1);
        try {
            if (segments.length == 0) {
                request.requireMethod("GET", "POST");
                return request.method().equals("GET") ? list(service, request) : create(service, request);
            }
            if (segments.length == 1 && segments[0].equals("form")) {
                request.requireMethod("GET");
                List<DatasetId> datasets = datasetsParameter(request);
                return ApiResponse.ok(RECORDS.valueToTree(service.proposeMetadata(datasets, request.viewer())));
            }
            if (segments.length == 1) {
                request.requireMethod("GET");
                return ApiResponse.ok(json(service.find(segments[0], request.viewer())));
            }
            if (segments.length == 2 && segments[1].equals("approve")) {
                request.requireMethod("POST");
                return ApiResponse.ok(json(service.approve(segments[0], request.viewer())));
            }
            if (segments.length == 2 && segments[1].equals("reject")) {
                request.requireMethod("POST");
                JsonNode body = codec.read(request.body());
                return ApiResponse.ok(json(service.reject(segments[0], body.path("reason").asText(""),
                        request.viewer())));
            }
        } catch (MintingException e) {
            throw problem(e);
        }
        throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()
                + "; see /{id}, /{id}/approve, /{id}/reject, /form"));
    }

    private ApiResponse list(DoiMinting service, ApiRequest request) throws MintingException, ProblemException {
        PageQuery page = PageQuery.from(request);
        ArrayNode items = RECORDS.createArrayNode();
        for (MintRequest r : service.requests(request.viewer(), page.offset(), page.limit())) {
            items.add(json(r));
        }
        ObjectNode body = RECORDS.createObjectNode();
        body.put("offset", page.offset());
        body.put("limit", page.limit());
        body.set("requests", items);
        return ApiResponse.ok(body);
    }

    private ApiResponse create(DoiMinting service, ApiRequest request) throws MintingException, ProblemException {
        JsonNode body = codec.read(request.body());
        if (!body.path("datasets").isArray()) {
            throw new ProblemException(Problem.badRequest("\"datasets\" must be an array of dataset ids")
                    .with("field", "datasets"));
        }
        List<DatasetId> datasets = new ArrayList<>();
        for (int i = 0; i < body.path("datasets").size(); i++) {
            datasets.add(datasetId(body.path("datasets").get(i).asText(""), "datasets[" + i + "]"));
        }
        DoiMetadata metadata = metadata(body.path("metadata"));
        MintRequest created = service.request(datasets, metadata, request.viewer());
        return new ApiResponse(201, json(created), ApiResponse.JSON, Map.of("Location", request.itemPath(created.id())));
    }

    private static DoiMetadata metadata(JsonNode node) throws ProblemException {
        if (!node.isObject()) {
            throw new ProblemException(Problem.badRequest("\"metadata\" must be an object; GET .../form gives one"
                    + " pre-filled from the catalogue").with("field", "metadata"));
        }
        try {
            return RECORDS.treeToValue(node, DoiMetadata.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce("metadata", String::concat);
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String reason = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new ProblemException(Problem.badRequest("Bad DOI metadata at " + path + ": " + reason)
                    .with("field", path), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(Problem.badRequest("Bad DOI metadata: " + e.getOriginalMessage())
                    .with("field", "metadata"), e);
        }
    }

    private static List<DatasetId> datasetsParameter(ApiRequest request) throws ProblemException {
        String value = request.queryParameter("datasets").orElse("");
        List<DatasetId> ids = new ArrayList<>();
        String[] parts = value.split(",");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                ids.add(datasetId(parts[i].strip(), "datasets[" + i + "]"));
            }
        }
        return ids;
    }

    private static DatasetId datasetId(String value, String field) throws ProblemException {
        try {
            return new DatasetId(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()).with("field", field), e);
        }
    }

    static JsonNode json(MintRequest r) {
        ObjectNode node = RECORDS.createObjectNode();
        node.put("id", r.id());
        node.put("state", r.state().name());
        node.put("doi", r.doi());
        ArrayNode datasets = node.putArray("datasets");
        r.datasets().forEach(d -> datasets.add(d.value()));
        node.put("requester", r.requester());
        node.put("requested", r.requested().toString());
        node.put("decided", r.decided() == null ? null : r.decided().toString());
        node.put("decidedBy", r.decidedBy());
        node.put("note", r.note());
        node.put("updated", r.updated().toString());
        node.set("metadata", RECORDS.valueToTree(r.metadata()));
        return node;
    }

    static ProblemException problem(MintingException e) {
        Problem problem = switch (e.kind()) {
            case INVALID -> Problem.badRequest(e.getMessage());
            case NOT_FOUND -> Problem.notFound(e.getMessage());
            case FORBIDDEN -> Problem.forbidden(e.getMessage());
            case CONFLICT -> Problem.conflict(e.getMessage());
            case UNAVAILABLE -> Problem.unavailable(e.getMessage());
            case PROVIDER_FAILED -> new Problem(502, "Bad Gateway", e.getMessage());
        };
        return new ProblemException(e.field().isEmpty() ? problem : problem.with("field", e.field()), e);
    }
}
