package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.VisualizationException;
import org.datastamp.visualization.render.RendererComponent;
import org.junit.jupiter.api.Test;

class LiveResourceTest {

    private static final Viewer STAFF = new Viewer("bob", Set.of(), Set.of("id11"), false);
    private static final Map<String, String> VIEW = Map.of("width", "16", "height", "16", "binning", "max",
            "scale", "log");

    /** Counts the frames it bins. */
    static final class CountingRenderer extends RendererComponent {
        final AtomicInteger framesBinned = new AtomicInteger();

        @Override
        public Plane framePlane(Frame frame, int maxWidth, int maxHeight, Binning binning) throws VisualizationException {
            framesBinned.incrementAndGet();
            return super.framePlane(frame, maxWidth, maxHeight, binning);
        }
    }

    private final CountingRenderer renderer = new CountingRenderer();
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final LiveResource resource = new LiveResource(() -> detector -> detector.equals("eiger")
            ? Optional.ofNullable(newest.get()) : Optional.empty(), () -> renderer);

    /** A 40x30 uint32 frame whose pixels count up from {@code start}, with an invalid pixel at (0, 0). */
    private static Frame frame(long index, int start, Instant time) {
        ByteBuffer b = ByteBuffer.allocate(40 * 30 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 40 * 30; i++) {
            b.putInt(i == 0 ? -1 : start + i);
        }
        return new Frame(index, new FrameGeometry(40, 30, PixelType.UINT32), b.flip(), time);
    }

    private ApiResponse poll(Map<String, String> query) throws ProblemException {
        return resource.handle(Requests.get("/api/v1/live", "/eiger", query, STAFF));
    }

    @Test
    void aFrameIsRenderedOnceHoweverManyViewersPollIt() throws Exception {
        newest.set(frame(5, 100, Instant.parse("2026-11-25T10:00:00Z")));
        ApiResponse first = poll(VIEW);
        ApiResponse second = poll(VIEW);
        assertEquals(1, renderer.framesBinned.get());
        assertArrayEquals(first.bytes(), second.bytes());
        assertEquals("5", second.headers().get("X-Frame-Index"));
        assertEquals("200", second.headers().get("X-Poll-Millis"));
        assertEquals("100", poll(Map.of("width", "16", "height", "16", "binning", "max", "scale", "log", "rate",
                "10")).headers().get("X-Poll-Millis"));
        assertEquals(1, renderer.framesBinned.get(), "the poll rate is not part of the picture");

        poll(Map.of("width", "8", "height", "8", "binning", "max", "scale", "log"));
        assertEquals(2, renderer.framesBinned.get(), "another view of the frame is rendered for itself");

        newest.set(frame(6, 5000, Instant.parse("2026-11-25T10:00:01Z")));
        ApiResponse next = poll(VIEW);
        assertEquals(3, renderer.framesBinned.get());
        assertEquals("6", next.headers().get("X-Frame-Index"));
        assertNotEquals(first.headers().get("X-Contrast"), next.headers().get("X-Contrast"));
    }

    @Test
    void theLiveImageIsTheImageOfTheDecodedFrame() throws Exception {
        Frame frame = frame(5, 100, Instant.parse("2026-11-25T10:00:00Z"));
        newest.set(frame);
        ApiResponse live = poll(VIEW);
        ApiResponse whole = ArrayAnswers.answer(renderer.pixels(frame), ViewParameters.from(Requests.get(
                "/api/v1/live", "/eiger", VIEW, STAFF)), renderer, Map.of());
        assertEquals("image/png", live.contentType());
        assertArrayEquals(whole.bytes(), live.bytes());
        assertEquals(whole.headers().get("X-Contrast"), live.headers().get("X-Contrast"));
        assertEquals("30,40", live.headers().get("X-Source-Shape"));
    }

    @Test
    void aNewScanNumberingFromZeroAgainIsNotTakenForTheFrameShownBefore() throws Exception {
        newest.set(frame(0, 100, Instant.parse("2026-11-25T10:00:00Z")));
        ApiResponse before = poll(VIEW);
        newest.set(frame(0, 90_000, Instant.parse("2026-11-25T11:00:00Z")));
        ApiResponse after = poll(VIEW);
        assertEquals(2, renderer.framesBinned.get());
        assertNotEquals(before.headers().get("X-Contrast"), after.headers().get("X-Contrast"));
    }

    @Test
    void onlyStaffCuratorsAndAdminsMayWatch() {
        newest.set(frame(0, 100, Instant.now()));
        ProblemException e = assertThrows(ProblemException.class, () -> resource.handle(Requests.get(
                "/api/v1/live", "/eiger", VIEW, new Viewer("ann", Set.of("20240123"), Set.of(), false))));
        assertEquals(403, e.problem().status());
    }
}
