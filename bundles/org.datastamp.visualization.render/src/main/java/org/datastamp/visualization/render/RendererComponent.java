package org.datastamp.visualization.render;

import java.util.List;

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
import org.osgi.service.component.annotations.Component;

/** The {@link ArrayRenderer}: binning, colormaps, PNG, statistics and live-frame decoding, all in memory. */
@Component(service = ArrayRenderer.class)
public class RendererComponent implements ArrayRenderer {

    private final Colormaps colormaps = new Colormaps();

    @Override
    public Plane plane(NdArray array, int maxWidth, int maxHeight, Binning binning) throws BadDataRequestException {
        return Binner.plane(array, maxWidth, maxHeight, binning);
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
}
