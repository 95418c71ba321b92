package org.datastamp.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.detector.api.Frame;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.VisualizationException;

/**
 * The newest frame of a running acquisition: {@code GET /api/v1/live/{detector}?rate=5&format=png&...} (the view
 * parameters of {@link ViewParameters}). A viewer polls at the rate it wants; {@code X-Poll-Millis} says when to ask
 * again for {@code rate} frames per second (default 5, at most 50). Frames come from the scan service's live tap,
 * which keeps a reference to the newest frame: reading it never waits for, or holds up, the writer. Each frame is
 * rendered once per view however many viewers watch it, binned while it is decoded (no decoded frame is kept).
 * Live data is unpublished: beamline staff, curators and admins only.
 */
final class LiveResource {

    static final double DEFAULT_RATE_HZ = 5;
    static final double MAX_RATE_HZ = 50;

    /** Views of recent frames kept for other viewers: a few detectors times a few viewport sizes and looks. */
    static final int RENDERED_VIEWS = 32;

    private record View(String detector, ViewParameters parameters) {
    }

    /**
     * The answer for one frame in one view, rendered once by the first viewer that asked for it. A frame is known
     * by index and time: a new scan numbers its frames from 0 again.
     */
    private record Rendered(long index, Instant time, FutureTask<ApiResponse> answer) {

        boolean shows(Frame frame) {
            return index == frame.index() && time.equals(frame.timestamp());
        }
    }

    private final Supplier<LiveFrames> live;
    private final Supplier<ArrayRenderer> renderer;
    private final Map<View, Rendered> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<View, Rendered> eldest) {
            return size() > RENDERED_VIEWS;
        }
    };

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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Frame-Index", Long.toString(frame.index()));
        headers.put("X-Frame-Time", frame.timestamp().toString());
        try {
            ApiResponse answer = view.format().equals("json") ? ArrayAnswers.answer(r.pixels(frame), view, r, headers)
                    : rendered(new View(detector, view), frame, r, headers);
            Map<String, String> all = new LinkedHashMap<>(answer.headers());
            all.put("X-Poll-Millis", Long.toString(Math.round(1000 / rate)));
            return new ApiResponse(answer.status(), answer.body(), answer.contentType(), all, answer.bytes());
        } catch (BadDataRequestException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        } catch (VisualizationException e) {
            throw new ProblemException(Problem.internalError(e.getMessage()), e);
        }
    }

    /**
     * The frame in the view, rendered at most once however many viewers poll: the first request for a new frame
     * renders it (binning each block as it decodes, never holding the decoded frame), requests meanwhile wait for
     * that answer, later ones reuse it. A request holding an older frame than the one kept renders its own.
     */
    private ApiResponse rendered(View key, Frame frame, ArrayRenderer r, Map<String, String> headers)
            throws VisualizationException {
        FutureTask<ApiResponse> mine = new FutureTask<>(() -> ArrayAnswers.answer(r.framePlane(frame, key.parameters()
                .width(), key.parameters().height(), key.parameters().binning()), new int[] {frame.geometry()
                        .height(), frame.geometry().width()}, key.parameters(), r, headers));
        Rendered kept;
        synchronized (rendered) {
            kept = rendered.get(key);
            if (kept == null || !kept.shows(frame) && !kept.time().isAfter(frame.timestamp())) {
                kept = new Rendered(frame.index(), frame.timestamp(), mine);
                rendered.put(key, kept);
            }
        }
        FutureTask<ApiResponse> answer = kept.shows(frame) ? kept.answer() : mine;
        if (answer == mine) {
            mine.run();
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VisualizationException("Interrupted while waiting for frame " + frame.index() + " of '"
                    + key.detector() + "' to render", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VisualizationException v) {
                throw v;
            }
            throw new IllegalStateException("Rendering frame " + frame.index() + " of '" + key.detector()
                    + "' failed: " + e.getCause(), e.getCause());
        }
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
