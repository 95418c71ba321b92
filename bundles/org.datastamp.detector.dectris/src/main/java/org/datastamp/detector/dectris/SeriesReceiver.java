package org.datastamp.detector.dectris;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameConsumer;
import org.datastamp.detector.api.FrameGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one series from a stream: waits for its start, hands its images to the consumer in index order and
 * returns at its end. A message that cannot be used (malformed, out of order, of another series, with the wrong
 * data size or an unknown encoding) is logged, counted and skipped; the series goes on. A series that ends early
 * or falls silent returns what arrived, the shortfall counted.
 */
final class SeriesReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesReceiver.class);

    private final String name;
    private final MessageSource source;
    private final StreamDecoder decoder;
    private final long timeoutMillis;
    private final Consumer<FrameGeometry> geometryListener;

    private final Map<Problem, Long> rejected = new EnumMap<>(Problem.class);
    private long seriesId = -1;
    private long declared = -1;
    private long nextIndex;
    private long delivered;
    private long skipped;

    /**
     * @param name             the detector's name, for log lines
     * @param timeoutMillis    how long the stream may stay silent before the series is given up
     * @param geometryListener told the geometry each series announces (the driver's {@code geometry()})
     */
    SeriesReceiver(String name, MessageSource source, StreamDecoder decoder, long timeoutMillis,
            Consumer<FrameGeometry> geometryListener) {
        this.name = name;
        this.source = source;
        this.decoder = decoder;
        this.timeoutMillis = timeoutMillis;
        this.geometryListener = geometryListener;
    }

    /**
     * Receives the next series, delivering up to {@code frameCount} frames.
     *
     * @throws DetectorException if no series starts within the timeout, or the consumer fails
     */
    SeriesReport receive(int frameCount, FrameConsumer consumer) throws DetectorException, InterruptedException {
        boolean started = false;
        boolean ended = false;
        while (!ended) {
            List<byte[]> parts = source.receive(timeoutMillis);
            if (parts == null) {
                if (!started) {
                    throw new DetectorException(name + ": no series started within " + timeoutMillis
                            + " ms; is the detector armed and its stream enabled?");
                }
                if (delivered == frameCount) {
                    LOG.warn("{}: series {}: all {} frames arrived but no end message within {} ms", name, seriesId,
                            frameCount, timeoutMillis);
                } else {
                    LOG.error("{}: stream silent for {} ms in series {} after {} of {} frames; giving the series up",
                            name, timeoutMillis, seriesId, delivered, frameCount);
                }
                break;
            }
            try {
                StreamEvent event = decoder.decode(parts);
                if (event instanceof StreamEvent.SeriesStart start) {
                    started = onStart(start, started);
                } else if (event instanceof StreamEvent.Image image) {
                    onImage(image, started, frameCount, consumer);
                } else if (event instanceof StreamEvent.SeriesEnd end) {
                    ended = onEnd(end, started);
                }
            } catch (StreamMessageException e) {
                rejected.merge(e.problem(), 1L, Long::sum);
                LOG.error("{}: rejected stream message ({}): {}", name, e.problem(), e.getMessage());
            }
        }
        SeriesReport report = new SeriesReport(seriesId, frameCount, delivered, declared, skipped, rejected, ended);
        logEnd(report);
        return report;
    }

    private boolean onStart(StreamEvent.SeriesStart start, boolean started) throws StreamMessageException {
        if (started) {
            throw new StreamMessageException(Problem.OUT_OF_ORDER, "series start for series " + start.seriesId()
                    + " while series " + seriesId + " is still running");
        }
        seriesId = start.seriesId();
        declared = start.declaredImages();
        if (start.geometry() != null) {
            geometryListener.accept(start.geometry());
        }
        LOG.info("{}: series {} started ({} images announced, {})", name, seriesId,
                declared < 0 ? "no count" : declared, start.geometry() == null ? "geometry from the images"
                        : start.geometry().width() + "x" + start.geometry().height() + " " + start.geometry().pixelType());
        return true;
    }

    private void onImage(StreamEvent.Image image, boolean started, int frameCount, FrameConsumer consumer)
            throws StreamMessageException, DetectorException {
        if (!started) {
            throw new StreamMessageException(Problem.OUT_OF_ORDER, "image " + image.index() + " of series "
                    + image.seriesId() + " before any series start");
        }
        checkSeries(image.seriesId(), "image " + image.index());
        if (image.index() < nextIndex) {
            throw new StreamMessageException(Problem.OUT_OF_ORDER, "image " + image.index() + " of series " + seriesId
                    + " arrived after image " + (nextIndex - 1) + "; frames are delivered in order");
        }
        if (image.index() >= frameCount) {
            throw new StreamMessageException(Problem.EXTRA_FRAME, "image " + image.index() + " of series " + seriesId
                    + " is beyond the " + frameCount + " frames requested");
        }
        if (image.index() > nextIndex) {
            long gap = image.index() - nextIndex;
            skipped += gap;
            LOG.error("{}: series {}: images {}..{} never arrived before image {}", name, seriesId, nextIndex,
                    image.index() - 1, image.index());
        }
        if (delivered == 0) {
            geometryListener.accept(image.geometry());
        }
        Frame frame = new Frame(image.index(), image.geometry(), image.encoding(), image.pixels(), Instant.now());
        try {
            consumer.accept(frame);
        } catch (IOException | RuntimeException e) {
            throw new DetectorException(name + ": the consumer failed at frame " + image.index() + " of series "
                    + seriesId + ": " + e.getMessage(), e);
        }
        delivered++;
        nextIndex = image.index() + 1;
    }

    private boolean onEnd(StreamEvent.SeriesEnd end, boolean started) throws StreamMessageException {
        if (!started) {
            throw new StreamMessageException(Problem.OUT_OF_ORDER, "end of series " + end.seriesId()
                    + " before its start");
        }
        checkSeries(end.seriesId(), "end of series");
        return true;
    }

    private void checkSeries(long id, String what) throws StreamMessageException {
        if (id != seriesId) {
            throw new StreamMessageException(Problem.WRONG_SERIES, what + " belongs to series " + id
                    + " but series " + seriesId + " is being received");
        }
    }

    private void logEnd(SeriesReport r) {
        String how = r.endReceived() ? "ended" : "given up without its end message";
        if (r.dropped() == 0 && r.rejectedTotal() == 0) {
            LOG.info("{}: series {} {}: {} of {} frames delivered, none dropped", name, r.seriesId(), how,
                    r.delivered(), r.requested());
        } else {
            LOG.warn("{}: series {} {}: {} of {} frames delivered, {} dropped ({} never arrived before a later one);"
                    + " rejected messages: {}", name, r.seriesId(), how, r.delivered(), r.requested(), r.dropped(),
                    r.skipped(), r.rejected().isEmpty() ? "none" : r.rejected());
        }
    }
}
