package org.datastamp.rest;

import static org.datastamp.rest.JsonFields.bad;
import static org.datastamp.rest.JsonFields.optionalText;
import static org.datastamp.rest.JsonFields.requireObject;
import static org.datastamp.rest.JsonFields.requiredText;
import static org.datastamp.rest.JsonFields.strings;
import static org.datastamp.rest.JsonFields.valid;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.catalog.api.Sample;
import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.Hazard;
import org.datastamp.useroffice.api.LabelFormat;
import org.datastamp.useroffice.api.NewShipment;
import org.datastamp.useroffice.api.SampleSheet;
import org.datastamp.useroffice.api.Shipment;
import org.datastamp.useroffice.api.ShipmentStatus;
import org.datastamp.useroffice.api.UserOffice;
import org.datastamp.useroffice.api.UserOfficeException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The user office under {@code /api/v1/useroffice}: block allocations, samples with their labels, mail-in shipments
 * and their transitions, the staff's queue per instrument, and imports from an external user-office system (routes
 * in the README). Who may do what is the user-office service's rule; this class maps its refusals to problems.
 */
final class UserOfficeResource {

    static final Set<String> ALLOCATION_FIELDS = Set.of("proposalId", "instrument", "title", "shifts", "sessionIds");
    static final Set<String> SAMPLE_FIELDS = Set.of("name", "description", "proposalId", "composition", "hazard",
            "safety");
    static final Set<String> SHIPMENT_FIELDS = Set.of("id", "proposalId", "instrument", "tracking", "sampleIds");
    static final Set<String> TRANSITION_FIELDS = Set.of("to", "note");

    private static final String ID = "([^/]+)";
    private static final Pattern ALLOCATION = Pattern.compile("/allocations/" + ID);
    private static final Pattern PROPOSAL_ALLOCATIONS = Pattern.compile("/proposals/" + ID + "/allocations");
    private static final Pattern SAMPLE = Pattern.compile("/samples/" + ID + "(/label(?:\\.(png|pdf))?)?");
    private static final Pattern SHIPMENT = Pattern.compile("/shipments(?:/" + ID + "(/transitions)?)?");
    private static final Pattern QUEUE = Pattern.compile("/instruments/" + ID + "/queue");

    private final Supplier<UserOffice> userOffice;
    private final JsonCodec codec;

    UserOfficeResource(Supplier<UserOffice> userOffice, JsonCodec codec) {
        this.userOffice = userOffice;
        this.codec = codec;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        UserOffice current = DatasetFilesResource.require(userOffice.get(),
                "user office (org.datastamp.useroffice.jdbc)");
        String path = request.path();
        try {
            Matcher m;
            if ((m = ALLOCATION.matcher(path)).matches()) {
                request.requireMethod("PUT");
                return ApiResponse.ok(UserOfficeJson.allocation(current.saveAllocation(allocation(m.group(1),
                        object(request, ALLOCATION_FIELDS)), request.viewer())));
            }
            if ((m = PROPOSAL_ALLOCATIONS.matcher(path)).matches()) {
                request.requireMethod("GET");
                return ApiResponse.ok(UserOfficeJson.allocations(current.allocations(m.group(1), request.viewer())));
            }
            if ((m = SAMPLE.matcher(path)).matches()) {
                return sample(current, request, m);
            }
            if ((m = SHIPMENT.matcher(path)).matches()) {
                return shipment(current, request, m.group(1), m.group(2) != null);
            }
            if ((m = QUEUE.matcher(path)).matches()) {
                request.requireMethod("GET");
                return ApiResponse.ok(UserOfficeJson.shipments(current.queue(m.group(1), request.viewer())));
            }
            if (path.equals("/imports")) {
                request.requireMethod("POST");
                String name = request.queryParameter("name").filter(n -> !n.isBlank()).orElseThrow(() -> bad("name",
                        "Name the file with ?name=, e.g. ?name=cycle1.csv (its extension chooses the importer)"));
                return ApiResponse.ok(UserOfficeJson.report(current.importFile(name, request.body(),
                        request.viewer())));
            }
        } catch (UserOfficeException e) {
            throw UserOfficeErrors.problem(e, request.viewer());
        }
        throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + path + "; see the README"
                + " for the user office's routes (allocations, samples, shipments, instruments/{id}/queue, imports)"));
    }

    private ApiResponse sample(UserOffice current, ApiRequest request, Matcher m)
            throws ProblemException, UserOfficeException {
        String id = m.group(1);
        if (m.group(2) != null) {
            request.requireMethod("GET");
            String name = m.group(3) != null ? m.group(3) : request.queryParameter("format").orElse("png");
            LabelFormat format;
            try {
                format = LabelFormat.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("format", "A label is png or pdf, not '" + name + "'");
            }
            return ApiResponse.binary(current.label(id, format, request.viewer()), format.mediaType(),
                    Map.of("Content-Disposition", "inline; filename=\"sample-" + id + "."
                            + format.name().toLowerCase(Locale.ROOT) + "\""));
        }
        request.requireMethod("GET", "PUT");
        if (request.method().equals("GET")) {
            return ApiResponse.ok(UserOfficeJson.sample(current.sample(id, request.viewer()).orElseThrow(() ->
                    new ProblemException(Problem.notFound("No sample '" + id + "' you may see")))));
        }
        return ApiResponse.ok(UserOfficeJson.sample(current.registerSample(sampleSheet(id,
                object(request, SAMPLE_FIELDS)), request.viewer())));
    }

    private ApiResponse shipment(UserOffice current, ApiRequest request, String id, boolean transition)
            throws ProblemException, UserOfficeException {
        if (id == null) {
            request.requireMethod("POST");
            Shipment created = current.createShipment(newShipment(object(request, SHIPMENT_FIELDS)),
                    request.viewer());
            return new ApiResponse(201, UserOfficeJson.shipment(created), ApiResponse.JSON,
                    Map.of("Location", request.resourcePath() + "/shipments/" + created.id()));
        }
        if (transition) {
            request.requireMethod("POST");
            JsonNode body = object(request, TRANSITION_FIELDS);
            String to = requiredText(body, "", "to");
            ShipmentStatus status;
            try {
                status = ShipmentStatus.valueOf(to.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("to", "Unknown status '" + to + "'; use one of " + Set.of(ShipmentStatus.values()));
            }
            return ApiResponse.ok(UserOfficeJson.shipment(current.advance(id, status, optionalText(body, "", "note"),
                    request.viewer())));
        }
        request.requireMethod("GET");
        return ApiResponse.ok(UserOfficeJson.shipment(current.shipment(id, request.viewer()).orElseThrow(() ->
                new ProblemException(Problem.notFound("No shipment '" + id + "' you may see")))));
    }

    private JsonNode object(ApiRequest request, Set<String> fields) throws ProblemException {
        JsonNode json = codec.read(request.body());
        requireObject(json, fields);
        return json;
    }

    static Allocation allocation(String id, JsonNode json) throws ProblemException {
        String proposal = requiredText(json, "", "proposalId");
        String instrument = requiredText(json, "", "instrument");
        int shifts = json.has("shifts") ? JsonFields.requiredInt(json, "shifts") : 0;
        Set<String> sessions = new HashSet<>(strings(json, "", "sessionIds"));
        return valid(() -> new Allocation(id, proposal, instrument, optionalText(json, "", "title"), shifts,
                sessions));
    }

    static SampleSheet sampleSheet(String id, JsonNode json) throws ProblemException {
        String name = requiredText(json, "", "name");
        String proposal = requiredText(json, "", "proposalId");
        String composition = requiredText(json, "", "composition");
        String hazardText = optionalText(json, "", "hazard");
        Hazard hazard;
        try {
            hazard = hazardText.isEmpty() ? Hazard.NONE : Hazard.valueOf(hazardText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("hazard", "Unknown hazard '" + hazardText + "'; use NONE, LOW, MEDIUM or HIGH");
        }
        Hazard chosen = hazard;
        return valid(() -> new SampleSheet(new Sample(id, name, optionalText(json, "", "description"), proposal),
                composition, chosen, optionalText(json, "", "safety")));
    }

    static NewShipment newShipment(JsonNode json) throws ProblemException {
        String id = requiredText(json, "", "id");
        String proposal = requiredText(json, "", "proposalId");
        String instrument = requiredText(json, "", "instrument");
        return valid(() -> new NewShipment(id, proposal, instrument, optionalText(json, "", "tracking"),
                strings(json, "", "sampleIds")));
    }
}
