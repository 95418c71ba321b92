package org.datastamp.rest;

import static org.datastamp.rest.JsonFields.bad;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.Provenance;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Remote analytics under {@code /api/v1/analytics} (also {@code /api/analytics}): the processing plugins, jobs
 * (submit, list, read, cancel), and the lineage and W3C PROV-JSON provenance of a dataset (docs/analytics.md).
 * Who may do what is the services' rule; this class maps their refusals to problems.
 */
final class AnalyticsResource {

    private static final Pattern JOB = Pattern.compile("/jobs/([^/]+)(/cancel)?");
    private static final Pattern DATASET = Pattern.compile("/(lineage|provenance)/([^/]+)");
    private static final Set<String> REQUEST_FIELDS = Set.of("plugin", "inputs", "parameters", "title");

    private final Supplier<AnalysisJobs> jobs;
    private final Supplier<Provenance> provenance;
    private final JsonCodec codec;

    AnalyticsResource(Supplier<AnalysisJobs> jobs, Supplier<Provenance> provenance, JsonCodec codec) {
        this.jobs = jobs;
        this.provenance = provenance;
        this.codec = codec;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        try {
            String path = request.path();
            if (path.equals("/plugins")) {
                request.requireMethod("GET");
                return ApiResponse.ok(AnalyticsJson.plugins(jobs().plugins()));
            }
            if (path.equals("/jobs")) {
                request.requireMethod("GET", "POST");
                return request.method().equals("POST") ? submit(request) : list(request);
            }
            Matcher m;
            if ((m = JOB.matcher(path)).matches()) {
                return job(request, m.group(1), m.group(2) != null);
            }
            if ((m = DATASET.matcher(path)).matches()) {
                request.requireMethod("GET");
                DatasetId id = datasetId(m.group(2));
                Provenance current = DatasetFilesResource.require(provenance.get(),
                        "provenance service (org.datastamp.analytics.jobs)");
                if (m.group(1).equals("lineage")) {
                    return ApiResponse.ok(AnalyticsJson.lineage(current.lineage(id, request.viewer())));
                }
                JsonNode prov = codec.read(current.provJson(id, request.viewer()).getBytes(StandardCharsets.UTF_8));
                return ApiResponse.ok(prov);
            }
        } catch (AnalysisException e) {
            throw problem(e, request.viewer());
        }
        throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()
                + "; the analytics routes are plugins, jobs, jobs/{id}, jobs/{id}/cancel, lineage/{datasetId} and"
                + " provenance/{datasetId}"));
    }

    private AnalysisJobs jobs() throws ProblemException {
        return DatasetFilesResource.require(jobs.get(), "analysis job service (org.datastamp.analytics.jobs)");
    }

    private ApiResponse submit(ApiRequest request) throws ProblemException, AnalysisException {
        JsonNode body = codec.read(request.body());
        JsonFields.requireObject(body, REQUEST_FIELDS);
        String plugin = JsonFields.requiredText(body, "", "plugin");
        List<DatasetId> inputs = JsonFields.valid(() -> JsonFields.strings(body, "", "inputs").stream()
                .map(DatasetId::new).toList());
        Map<String, String> parameters = parameters(body.get("parameters"));
        String title = JsonFields.optionalText(body, "", "title");
        JobRequest jobRequest = JsonFields.valid(() -> new JobRequest(plugin, inputs, parameters, title));
        AnalysisJob job = jobs().submit(jobRequest, request.viewer());
        return ApiResponse.accepted(AnalyticsJson.job(job), request.resourcePath() + "/jobs/" + job.id());
    }

    /** Parameter values as the plugin reads them: text, numbers and booleans all travel as strings. */
    private static Map<String, String> parameters(JsonNode node) throws ProblemException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            throw bad("parameters", "Must be an object of parameter values, got " + JsonFields.describe(node));
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw bad("parameters." + field.getKey(), "Must be a string, number or boolean, got "
                        + JsonFields.describe(value));
            }
            parameters.put(field.getKey(), value.asText());
        }
        return parameters;
    }

    private ApiResponse list(ApiRequest request) throws ProblemException, AnalysisException {
        Viewer viewer = request.viewer();
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Jobs are listed for signed-in users; sign in to see yours");
        }
        PageQuery page = PageQuery.from(request);
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        jobs().jobs(viewer, page.offset(), page.limit()).forEach(j -> json.add(AnalyticsJson.job(j)));
        return ApiResponse.ok(json);
    }

    private ApiResponse job(ApiRequest request, String id, boolean cancel) throws ProblemException,
            AnalysisException {
        if (cancel) {
            request.requireMethod("POST");
            return ApiResponse.ok(AnalyticsJson.job(jobs().cancel(id, request.viewer())));
        }
        request.requireMethod("GET");
        return ApiResponse.ok(AnalyticsJson.job(jobs().job(id, request.viewer()).orElseThrow(() ->
                new ProblemException(Problem.notFound("No job '" + id + "' you may see")))));
    }

    private static DatasetId datasetId(String text) throws ProblemException {
        try {
            return new DatasetId(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.notFound("Dataset " + text + " not found: " + e.getMessage()), e);
        }
    }

    /** The one mapping of analytics refusals to problems. */
    static ProblemException problem(AnalysisException e, Viewer viewer) {
        return switch (e.reason()) {
            case NOT_FOUND -> new ProblemException(Problem.notFound(e.getMessage()), e);
            // anonymous callers may be allowed once signed in; signed-in ones are not
            case FORBIDDEN -> viewer.username().isEmpty() ? ApiAuthentication.unauthorized(e.getMessage())
                    : new ProblemException(Problem.forbidden(e.getMessage()), e);
            case INVALID -> new ProblemException(Problem.badRequest(e.getMessage()), e);
            case UNAVAILABLE -> new ProblemException(Problem.unavailable(e.getMessage()), e);
        };
    }
}
