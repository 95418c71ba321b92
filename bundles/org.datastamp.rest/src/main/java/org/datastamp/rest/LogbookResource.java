package org.datastamp.rest;

import static org.datastamp.rest.JsonFields.bad;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.ImageData;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.api.ScanFilter;
import org.datastamp.logbook.api.ScanRow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The electronic logbook under {@code /api/v1/logbooks}: a session's overview, scans, notes, comments, images,
 * ratings, tags, search and export (the routes are listed in the README). Who may read or write is the logbook
 * service's rule (the catalogue's access rule); this class maps its refusals to problems.
 */
final class LogbookResource {

    private static final String ID = "([^/]+)";
    private static final Pattern SESSION = Pattern.compile("/sessions/" + ID + "(/scans|/entries|/images|/export)?");
    private static final Pattern SCAN = Pattern.compile("/scans/" + ID + "(/comments|/rating|/tags)?");
    private static final Pattern ENTRY = Pattern.compile("/entries/" + ID + "(/history)?");
    private static final Pattern IMAGE = Pattern.compile("/images/" + ID + "(/thumbnail)?");

    private final Supplier<Logbook> logbook;
    private final JsonCodec codec;

    LogbookResource(Supplier<Logbook> logbook, JsonCodec codec) {
        this.logbook = logbook;
        this.codec = codec;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        Logbook current = DatasetFilesResource.require(logbook.get(), "logbook (org.datastamp.logbook.jdbc)");
        try {
            Matcher m;
            if ((m = SESSION.matcher(request.path())).matches()) {
                return session(current, request, m.group(1), m.group(2) == null ? "" : m.group(2));
            }
            if ((m = SCAN.matcher(request.path())).matches()) {
                return scan(current, request, m.group(1), m.group(2) == null ? "" : m.group(2));
            }
            if ((m = ENTRY.matcher(request.path())).matches()) {
                return entry(current, request, m.group(1), m.group(2) != null);
            }
            if ((m = IMAGE.matcher(request.path())).matches()) {
                request.requireMethod("GET");
                // rendered notes show a TIFF as its PNG thumbnail: .../images/{id}?thumbnail=true
                boolean thumbnail = m.group(2) != null
                        || request.queryParameter("thumbnail").filter("true"::equals).isPresent();
                String id = m.group(1);
                ImageData image = current.image(id, thumbnail, request.viewer()).orElseThrow(() ->
                        new ProblemException(Problem.notFound("No image '" + id + "' you may see")));
                return ApiResponse.binary(image.content(), image.mediaType(), Map.of());
            }
        } catch (LogbookException e) {
            throw LogbookErrors.problem(e, request.viewer());
        }
        throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()
                + "; see the README for the logbook's routes (sessions/{id}, scans/{id}, entries/{id}, images/{id})"));
    }

    private ApiResponse session(Logbook current, ApiRequest request, String sessionId, String part)
            throws ProblemException, LogbookException {
        Viewer viewer = request.viewer();
        switch (part) {
            case "" -> {
                request.requireMethod("GET");
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                json.put("sessionId", sessionId);
                json.set("scans", LogbookJson.scans(current.scans(sessionId, filter(request), viewer)));
                json.set("entries", LogbookJson.entries(current.entries(sessionId, "", viewer)));
                json.set("images", LogbookJson.images(current.images(sessionId, viewer)));
                return ApiResponse.ok(json);
            }
            case "/scans" -> {
                request.requireMethod("GET");
                return ApiResponse.ok(LogbookJson.scans(current.scans(sessionId, filter(request), viewer)));
            }
            case "/entries" -> {
                request.requireMethod("GET", "POST");
                if (request.method().equals("GET")) {
                    return ApiResponse.ok(LogbookJson.entries(current.entries(sessionId,
                            request.queryParameter("text").orElse(""), viewer)));
                }
                return created(request, current.addNote(sessionId, markdown(request), viewer));
            }
            case "/images" -> {
                request.requireMethod("GET", "POST");
                if (request.method().equals("GET")) {
                    return ApiResponse.ok(LogbookJson.images(current.images(sessionId, viewer)));
                }
                return upload(current, request, sessionId);
            }
            default -> {
                request.requireMethod("GET");
                ExportFormat format = exportFormat(request);
                byte[] file = current.export(sessionId, format, viewer);
                return ApiResponse.binary(file, format.mediaType(), Map.of("Content-Disposition",
                        "attachment; filename=\"logbook-" + sessionId + "." + format.extension() + "\""));
            }
        }
    }

    private ApiResponse scan(Logbook current, ApiRequest request, String scanId, String part)
            throws ProblemException, LogbookException {
        Viewer viewer = request.viewer();
        switch (part) {
            case "" -> {
                request.requireMethod("GET");
                return ApiResponse.ok(LogbookJson.scan(current.scan(scanId, viewer).orElseThrow(() ->
                        new ProblemException(Problem.notFound("No scan '" + scanId + "' you may see")))));
            }
            case "/comments" -> {
                request.requireMethod("GET", "POST");
                if (request.method().equals("POST")) {
                    return created(request, current.comment(scanId, markdown(request), viewer));
                }
                ScanRow scan = current.scan(scanId, viewer).orElseThrow(() -> new ProblemException(
                        Problem.notFound("No scan '" + scanId + "' you may see")));
                List<LogEntry> comments = current.entries(scan.sessionId(), "", viewer).stream()
                        .filter(e -> e.scanId().equals(scanId)).toList();
                return ApiResponse.ok(LogbookJson.entries(comments));
            }
            case "/rating" -> {
                request.requireMethod("PUT");
                JsonNode body = body(request, "stars");
                return ApiResponse.ok(LogbookJson.scan(current.rate(scanId, JsonFields.requiredInt(body, "stars"),
                        viewer)));
            }
            default -> {
                request.requireMethod("POST");
                JsonNode body = body(request, "add", "remove");
                return ApiResponse.ok(LogbookJson.scan(current.tag(scanId,
                        new HashSet<>(JsonFields.strings(body, "", "add")),
                        new HashSet<>(JsonFields.strings(body, "", "remove")), viewer)));
            }
        }
    }

    private ApiResponse entry(Logbook current, ApiRequest request, String entryId, boolean history)
            throws ProblemException, LogbookException {
        if (history) {
            request.requireMethod("GET");
            return ApiResponse.ok(LogbookJson.versions(current.history(entryId, request.viewer())));
        }
        request.requireMethod("PUT");
        JsonNode body = body(request, "basedOn", "markdown");
        int basedOn = JsonFields.requiredInt(body, "basedOn");
        return ApiResponse.ok(LogbookJson.entry(current.edit(entryId, basedOn,
                JsonFields.requiredText(body, "", "markdown"), request.viewer())));
    }

    /** An image sent as the raw body (name in {@code ?name=}) or as a browser's multipart file. */
    private static ApiResponse upload(Logbook current, ApiRequest request, String sessionId)
            throws ProblemException, LogbookException {
        if (request.body().length == 0) {
            throw bad("", "Send the image (PNG, JPEG or TIFF) as the request body or as a multipart/form-data file");
        }
        String name = request.queryParameter("name").filter(n -> !n.isBlank()).orElse("image");
        LogImage image = current.upload(sessionId, name, request.body(), request.viewer());
        String location = request.resourcePath() + "/images/" + image.id();
        return new ApiResponse(201, LogbookJson.image(image), ApiResponse.JSON, Map.of("Location", location));
    }

    private static ApiResponse created(ApiRequest request, LogEntry entry) {
        return new ApiResponse(201, LogbookJson.entry(entry), ApiResponse.JSON,
                Map.of("Location", request.resourcePath() + "/entries/" + entry.id()));
    }

    private String markdown(ApiRequest request) throws ProblemException {
        return JsonFields.requiredText(body(request, "markdown"), "", "markdown");
    }

    private JsonNode body(ApiRequest request, String... fields) throws ProblemException {
        JsonNode json = codec.read(request.body());
        JsonFields.requireObject(json, java.util.Set.of(fields));
        return json;
    }

    /** {@code ?text=&tag=&minStars=&status=}: the overview's filter and search. */
    static ScanFilter filter(ApiRequest request) throws ProblemException {
        String stars = request.queryParameter("minStars").orElse("0");
        int minStars;
        try {
            minStars = Integer.parseInt(stars.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.badRequest("minStars must be a whole number 0 to 5, not '" + stars
                    + "'").with("field", "minStars"));
        }
        String status = request.queryParameter("status").orElse("").strip().toUpperCase(Locale.ROOT);
        if (!status.isEmpty() && !List.of("QUEUED", "RUNNING", "COMPLETED", "FAILED").contains(status)) {
            throw new ProblemException(Problem.badRequest("status must be QUEUED, RUNNING, COMPLETED or FAILED, not '"
                    + status + "'").with("field", "status"));
        }
        try {
            return new ScanFilter(request.queryParameter("text").orElse(""), request.queryParameter("tag").orElse(""),
                    minStars, status);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()).with("field", "minStars"));
        }
    }

    private static ExportFormat exportFormat(ApiRequest request) throws ProblemException {
        String format = request.queryParameter("format").orElse("html").strip();
        try {
            return ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("format must be html or pdf, not '" + format + "'")
                    .with("field", "format"));
        }
    }
}
