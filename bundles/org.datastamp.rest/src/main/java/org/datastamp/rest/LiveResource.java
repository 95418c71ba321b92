package org.datastamp.rest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.detector.api.Frame;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.VisualizationException;

/**
 * The newest frame of a running acquisition: {@code GET /api/v1/live/{detector}?rate=5&format=png&...} (the view
 * parameters of {@link ViewParameters}). A viewer polls at the rate it wants; {@code X-Poll-Millis} says when to ask
 * again for {@code rate} frames per second (default 5, at most 50). Frames come from the scan service's live tap,
 * which keeps a reference to the newest frame: reading it never waits for, or holds up, the writer. Each frame is
 * decoded once however many viewers watch. Live data is unpublished: beamline staff, curators and admins only.
 */
final class LiveResource {

    static final double DEFAULT_RATE_HZ = 5;
    static final double MAX_RATE_HZ = 50;

    private record Decoded(String detector, long index, NdArray pixels) {
    }

    private final Supplier<LiveFrames> live;
    private final Supplier<ArrayRenderer> renderer;
    private final AtomicReference<Decoded> last = new AtomicReference<>();

    LiveResource(Supplier<LiveFrames> live, Supplier<ArrayRenderer> renderer) {
        this.live = live;
        this.renderer = renderer;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        request.requireMethod("GET");
        String detector = request.itemSegment().orElseThrow(() -> new ProblemException(Problem.notFound(
                "Name the detector: " + request.resourcePath() + "/{detectorId}")));
        requireMayWatch(request.viewer());
        double rate = rate(request);
        ViewParameters view = ViewParameters.from(request);
        LiveFrames frames = DatasetFilesResource.require(live.get(), "scan service's live tap");
        ArrayRenderer r = DatasetFilesResource.require(renderer.get(), "array renderer");
        Optional<Frame> latest = frames.latest(detector);
        if (latest.isEmpty()) {
            throw new ProblemException(Problem.notFound("No live frame from detector '" + detector + "' yet: no scan"
                    + " has run on it since the platform started"));
        }
        Frame frame = latest.get();
        try {
            NdArray pixels = decoded(detector, frame, r);
            return ArrayAnswers.answer(pixels, view, r, Map.of("X-Frame-Index", Long.toString(frame.index()),
                    "X-Frame-Time", frame.timestamp().toString(), "X-Poll-Millis",
                    Long.toString(Math.round(1000 / rate))));
        } catch (BadDataRequestException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        } catch (VisualizationException e) {
            throw new ProblemException(Problem.internalError(e.getMessage()), e);
        }
    }

    private NdArray decoded(String detector, Frame frame, ArrayRenderer r) throws VisualizationException {
        Decoded d = last.get();
        if (d != null && d.detector().equals(detector) && d.index() == frame.index()) {
            return d.pixels();
        }
        NdArray pixels = r.pixels(frame);
        last.set(new Decoded(detector, frame.index(), pixels));
        return pixels;
    }

    private static double rate(ApiRequest request) throws ProblemException {
        String text = request.queryParameter("rate").orElse(Double.toString(DEFAULT_RATE_HZ));
        try {
            double rate = Double.parseDouble(text);
            if (rate > 0 && rate <= MAX_RATE_HZ) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ViewParameters.bad("rate", "rate must be frames per second above 0 and at most " + MAX_RATE_HZ
                + ", got '" + text + "'");
    }

    static void requireMayWatch(Viewer viewer) throws ProblemException {
        if (viewer.username().isEmpty()) {
            throw ApiAuthentication.unauthorized("Live frames need a signed-in member of beamline staff, a curator or"
                    + " an admin");
        }
        if (!viewer.seesEverything() && viewer.staffOf().isEmpty()) {
            throw new ProblemException(Problem.forbidden("'" + viewer.username() + "' may not watch live frames:"
                    + " only beamline staff, curators and admins may"));
        }
    }
}
