package org.datastamp.rest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityRegistry;

/**
 * {@code POST /api/scans} starts a scan (beamline staff, curators and admins) and answers 202 with its status and
 * Location; {@code GET /api/scans}
 * lists recent scans (newest first); {@code GET /api/scans/{id}} follows one.
 */
final class ScansResource {

    private final Supplier<ScanService> scans;
    private final Supplier<CapabilityRegistry> registry;
    private final ScanRequestReader reader;

    /**
     * @param scans    the scan service, or {@code null} from the supplier while none is registered
     * @param registry used to name the available detectors when a request asks for an unknown one; may supply
     *                 {@code null}, then the scan service alone judges the detector id
     */
    ScansResource(Supplier<ScanService> scans, Supplier<CapabilityRegistry> registry, JsonCodec codec) {
        this.scans = scans;
        this.registry = registry;
        this.reader = new ScanRequestReader(codec);
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        Optional<String> id = request.itemSegment();
        if (id.isPresent()) {
            request.requireMethod("GET");
            return one(id.get());
        }
        request.requireMethod("GET", "POST");
        return request.method().equals("POST") ? start(request) : ApiResponse.ok(
                JsonMapping.scanStatuses(available().recent()));
    }

    private ApiResponse start(ApiRequest request) throws ProblemException {
        requireMayStartScans(request.viewer());
        ScanRequest scan = reader.read(request.body());
        ScanService service = available();
        requireKnownDetector(scan.detectorId());
        try {
            ScanStatus status = service.start(scan);
            return ApiResponse.accepted(JsonMapping.scanStatus(status), request.resourcePath() + "/" + status.id());
        } catch (ScanException e) {
            // The service refuses a scan it cannot run now (queue full, storage tier missing, scan too large for
            // the writer): the request was well-formed, the platform's state is what stands in the way.
            throw new ProblemException(Problem.conflict("Scan not started: " + e.getMessage()), e);
        }
    }

    /** Beamline staff, curators and admins start scans; a scan writes data and catalogues it. */
    static void requireMayStartScans(Viewer viewer) throws ProblemException {
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Starting a scan needs a signed-in member of beamline staff, a"
                    + " curator or an admin");
        }
        if (!viewer.seesEverything() && viewer.staffOf().isEmpty()) {
            throw new ProblemException(Problem.forbidden("'" + viewer.username() + "' may not start scans: only"
                    + " beamline staff, curators and admins may"));
        }
    }

    private void requireKnownDetector(String detectorId) throws ProblemException {
        CapabilityRegistry current = registry.get();
        if (current == null) {
            return;
        }
        List<CapabilityInfo> detectors = current.capabilities().stream()
                .filter(info -> info.kind() == CapabilityKind.DETECTOR).toList();
        if (detectors.stream().noneMatch(info -> info.id().equals(detectorId))) {
            String known = detectors.isEmpty() ? "none is registered"
                    : "registered: " + detectors.stream().map(CapabilityInfo::id).collect(Collectors.joining(", "));
            throw new ProblemException(Problem.badRequest("Field 'detectorId': no detector '" + detectorId + "' ("
                    + known + ")"));
        }
    }

    private ApiResponse one(String text) throws ProblemException {
        ScanId id;
        try {
            id = new ScanId(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.notFound("No scan '" + text + "': " + e.getMessage()));
        }
        return available().status(id).map(JsonMapping::scanStatus).map(ApiResponse::ok)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No scan with id '" + id
                        + "' (the service keeps the most recent scans only)")));
    }

    private ScanService available() throws ProblemException {
        ScanService current = scans.get();
        if (current == null) {
            throw new ProblemException(Problem.unavailable("The scan service is not running; check that bundle"
                    + " org.datastamp.acquisition.scan is active and a catalogue is available"));
        }
        return current;
    }
}
