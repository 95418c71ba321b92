package org.datastamp.visualization.render;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.detector.api.Frame;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.Histogram;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;
import org.datastamp.visualization.api.VisualizationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The {@link ArrayRenderer}: binning, colormaps, PNG, statistics and live-frame decoding, all in memory. */
@Component(service = ArrayRenderer.class)
public class RendererComponent implements ArrayRenderer {

    private final Colormaps colormaps = new Colormaps();
    private final int threads = Runtime.getRuntime().availableProcessors();
    private volatile ExecutorService binners;

    /** Threads that bin large frames in bands of rows, one per processor (without them: the calling thread only). */
    @Activate
    void activate() {
        AtomicInteger n = new AtomicInteger();
        binners = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16 * threads),
                r -> {
                    Thread t = new Thread(r, "datastamp-render-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, pool) -> task.run()); // full or shut down: the caller runs it (never dropped)
    }

    @Deactivate
    void deactivate() {
        ExecutorService running = binners;
        binners = null;
        if (running != null) {
            running.shutdown(); // queued runs still run: their callers wait for them
        }
    }

    @Override
    public Plane plane(NdArray array, int maxWidth, int maxHeight, Binning binning) throws BadDataRequestException {
        return Binner.plane(array, maxWidth, maxHeight, binning, binners, threads);
    }

    @Override
    public double[] percentiles(Plane plane, double... percentiles) {
        return Statistics.percentiles(plane, percentiles);
    }

    @Override
    public byte[] png(Plane plane, ImageStyle style) throws BadDataRequestException {
        return Painter.png(plane, Painter.argb(plane, style, colormaps.argb(style.colormap())));
    }

    @Override
    public Histogram histogram(Plane plane, int bins, Scale scale) {
        return Statistics.histogram(plane, bins, scale);
    }

    @Override
    public List<String> colormaps() {
        return Colormaps.NAMES;
    }

    @Override
    public byte[] colormap(String name) throws BadDataRequestException {
        return colormaps.rgb(name);
    }

    @Override
    public NdArray pixels(Frame frame) throws VisualizationException {
        return FrameDecoder.pixels(frame);
    }

    @Override
    public Plane framePlane(Frame frame, int maxWidth, int maxHeight, Binning binning) throws VisualizationException {
        return FrameDecoder.plane(frame, maxWidth, maxHeight, binning, binners, threads);
    }
}
