package org.datastamp.ui.visualization;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.detector.api.Frame;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.VisualizationException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live view of one browser session: the newest frame of a detector's running acquisition, polled from the scan
 * service's live tap at {@link #RATE_HZ}. The tap keeps a reference to the newest frame, so polling never waits for
 * or holds up the writer; a frame already shown is not rendered again. Live data is unpublished: only beamline staff,
 * curators and admins may watch (the REST live resource's rule).
 */
final class LivePanel {

    private static final Logger LOG = LoggerFactory.getLogger(LivePanel.class);

    static final double RATE_HZ = 5;
    static final String DEFAULT_DETECTOR = "simulated-detector";

    private final Composite parent;
    private final ViewContext context;
    private final ViewerServices services;
    private final Latest work;
    private final ScheduledExecutorService timer;

    private Text detector;
    private Button watch;
    private Label status;
    private LookBar lookBar;
    private ImageArea image;
    private PlotCanvas histogram;
    private ScheduledFuture<?> polling;
    private volatile long lastIndex = -1;

    LivePanel(Composite parent, ViewContext context, ViewerServices services, Latest work,
            ScheduledExecutorService timer) {
        this.parent = parent;
        this.context = context;
        this.services = services;
        this.work = work;
        this.timer = timer;
    }

    void build() {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        new Label(bar, SWT.NONE).setText("Detector");
        detector = new Text(bar, SWT.BORDER);
        detector.setText(DEFAULT_DETECTOR);
        context.setTestId(detector, "live-detector");
        watch = new Button(bar, SWT.TOGGLE);
        watch.setText("Watch");
        context.setTestId(watch, "live-watch");
        watch.addListener(SWT.Selection, e -> toggle());
        status = new Label(bar, SWT.NONE);
        status.setText("Watch shows the newest frame " + (int) RATE_HZ + " times a second.");
        context.setTestId(status, "live-status");
        ArrayRenderer renderer = services.renderer().get();
        lookBar = new LookBar(parent, context, "live", renderer == null ? List.of("viridis") : renderer.colormaps(),
                look -> lastIndex = -1);
        image = new ImageArea(parent, context, "live-image");
        image.onPointer((x, y) -> { }, (x0, y0, x1, y1) -> { });
        histogram = new PlotCanvas(parent);
        GridData plotData = new GridData(SWT.FILL, SWT.FILL, true, false);
        plotData.heightHint = 120;
        histogram.control().setLayoutData(plotData);
        parent.addDisposeListener(e -> {
            work.close();
            stop();
        });
    }

    private void toggle() {
        if (!watch.getSelection()) {
            stop();
            return;
        }
        String user = context.user();
        String id = detector.getText().trim();
        lastIndex = -1;
        long period = Math.round(1000 / RATE_HZ);
        watch.setText("Stop");
        polling = timer.scheduleAtFixedRate(() -> context.asyncExec(() -> poll(user, id)), 0, period,
                TimeUnit.MILLISECONDS);
    }

    /** Captures the viewport and look in the UI thread, then fetches and renders in the background. */
    private void poll(String user, String id) {
        if (polling == null || image == null) {
            return;
        }
        Point viewport = image.viewport();
        Look look = lookBar.look();
        work.submit(() -> {
            try {
                requireMayWatch(user);
                LiveFrames live = ViewerServices.require(services.live().get(), "scan service's live tap");
                ArrayRenderer renderer = ViewerServices.require(services.renderer().get(), "renderer");
                Optional<Frame> latest = live.latest(id);
                if (latest.isEmpty()) {
                    context.asyncExec(() -> showStatus("No frame from '" + id + "' yet: no scan has run on it since"
                            + " the platform started."));
                    return;
                }
                Frame frame = latest.get();
                if (frame.index() == lastIndex) {
                    return;
                }
                // binned while decoded: the session never holds a decoded 16-64 MiB frame
                Plane plane = renderer.framePlane(frame, viewport.x, viewport.y, look.binning());
                Region whole = Region.full(frame.geometry().width(), frame.geometry().height());
                Picture picture = Picture.render(renderer, plane, whole, viewport.x, viewport.y, look);
                lastIndex = frame.index();
                context.asyncExec(() -> show(id, frame, picture));
            } catch (VisualizationException | CatalogException | RuntimeException e) {
                LOG.debug("Live view of {} for '{}' failed", id, user, e);
                context.asyncExec(() -> {
                    showStatus(e.getMessage());
                    stop();
                });
            }
        });
    }

    private void requireMayWatch(String user) throws CatalogException, VisualizationException {
        Viewer viewer = services.viewer(user);
        if (viewer.username().isEmpty()) {
            throw new VisualizationException("Sign in to watch live frames (beamline staff, curators, admins)");
        }
        if (!viewer.seesEverything() && viewer.staffOf().isEmpty()) {
            throw new VisualizationException("'" + user + "' may not watch live frames: only beamline staff,"
                    + " curators and admins may");
        }
    }

    private void show(String id, Frame frame, Picture picture) {
        if (polling == null) {
            return;
        }
        image.show(picture);
        lookBar.showLimits(picture.low(), picture.high());
        histogram.showBars("Histogram", picture.histogram().counts());
        showStatus(id + ": frame " + frame.index() + " at " + frame.timestamp());
    }

    private void showStatus(String text) {
        status.setText(text);
        status.getParent().layout(true, true);
    }

    private void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
        if (watch != null && !watch.isDisposed()) {
            watch.setSelection(false);
            watch.setText("Watch");
        }
    }
}
