package org.datastamp.ui.visualization;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.datastamp.detector.api.Frame;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.FileLocation;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;
import org.datastamp.visualization.api.VisualizationException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file viewer of one browser session: open a dataset's file, browse its tree, look at a dataset as an image
 * (stacks frame by frame) or a line. Widgets are touched in the UI thread only; reading and rendering run on the
 * view's executor, newest request first ({@link Latest}).
 */
final class FilePanel {

    private static final Logger LOG = LoggerFactory.getLogger(FilePanel.class);

    /** Playback shows a frame every this many milliseconds (5 Hz); a slow render skips frames, never queues them. */
    static final long PLAY_PERIOD_MILLIS = 200;
    /** Line plots carry at most this many points; longer data is binned (mean) to it. */
    static final int MAX_LINE_POINTS = 2000;

    private final Composite parent;
    private final ViewContext context;
    private final ViewerServices services;
    private final Latest work;
    private final ScheduledExecutorService timer;

    private Text datasetId;
    private Combo fileChoice;
    private Label status;
    private Tree tree;
    private Table attributes;
    private LookBar lookBar;
    private Scale frameSlider;
    private Label frameLabel;
    private Button play;
    private Combo profileChoice;
    private ImageArea image;
    private Label readout;
    private Label info;
    private PlotCanvas plot;
    private PlotCanvas histogram;

    private Path file;
    private Node shown;
    private Region region;
    private int frame;
    private ScheduledFuture<?> playback;

    FilePanel(Composite parent, ViewContext context, ViewerServices services, Latest work,
            ScheduledExecutorService timer) {
        this.parent = parent;
        this.context = context;
        this.services = services;
        this.work = work;
        this.timer = timer;
    }

    void build(String initialDataset, String initialFile) {
        parent.setLayout(new GridLayout(1, false));
        buildOpenBar();
        SashForm main = new SashForm(parent, SWT.HORIZONTAL);
        main.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        buildTree(main);
        buildViewer(main);
        main.setWeights(new int[] {30, 70});
        parent.addDisposeListener(event -> {
            work.close();
            stopPlayback();
        });
        if (!initialDataset.isEmpty()) {
            datasetId.setText(initialDataset);
            open(initialFile);
        }
    }

    private void buildOpenBar() {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Dataset");
        datasetId = new Text(bar, SWT.BORDER);
        datasetId.setMessage("dataset id, e.g. ds-1");
        context.setTestId(datasetId, "viewer-dataset");
        datasetId.addListener(SWT.DefaultSelection, e -> open(""));
        Button open = new Button(bar, SWT.PUSH);
        open.setText("Open");
        context.setTestId(open, "viewer-open");
        open.addListener(SWT.Selection, e -> open(""));
        new Label(bar, SWT.NONE).setText("File");
        fileChoice = new Combo(bar, SWT.READ_ONLY);
        context.setTestId(fileChoice, "viewer-file");
        fileChoice.addListener(SWT.Selection, e -> open(fileChoice.getText()));
        status = new Label(bar, SWT.NONE);
        status.setText("Enter a dataset id to open its file.");
        context.setTestId(status, "viewer-status");
    }

    private void buildTree(SashForm main) {
        SashForm left = new SashForm(main, SWT.VERTICAL);
        tree = new Tree(left, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        column(tree, "Name", 160);
        column(tree, "Stored as", 280);
        context.setTestId(tree, "viewer-tree");
        tree.addListener(SWT.Selection, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof Node node) {
                select(node);
            }
        });
        attributes = new Table(left, SWT.BORDER | SWT.FULL_SELECTION);
        attributes.setHeaderVisible(true);
        for (String[] c : new String[][] {{"Attribute", "120"}, {"Value", "300"}}) {
            TableColumn column = new TableColumn(attributes, SWT.NONE);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        context.setTestId(attributes, "viewer-attributes");
        left.setWeights(new int[] {70, 30});
    }

    private void buildViewer(SashForm main) {
        Composite right = new Composite(main, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        ArrayRenderer renderer = services.renderer().get();
        lookBar = new LookBar(right, context, "viewer", renderer == null ? List.of("viridis") : renderer.colormaps(),
                look -> render());
        Composite navigation = new Composite(right, SWT.NONE);
        navigation.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(navigation, "Zoom in", "viewer-zoom-in", () -> zoom(2));
        button(navigation, "Zoom out", "viewer-zoom-out", () -> zoom(0.5));
        button(navigation, "Whole frame", "viewer-zoom-reset", () -> moveTo(region == null ? null
                : Region.full(region.fullWidth(), region.fullHeight())));
        button(navigation, "\u2190", "viewer-pan-left", () -> pan(-0.5, 0));
        button(navigation, "\u2192", "viewer-pan-right", () -> pan(0.5, 0));
        button(navigation, "\u2191", "viewer-pan-up", () -> pan(0, -0.5));
        button(navigation, "\u2193", "viewer-pan-down", () -> pan(0, 0.5));
        new Label(navigation, SWT.NONE).setText("Frame");
        frameSlider = new Scale(navigation, SWT.HORIZONTAL);
        frameSlider.setEnabled(false);
        context.setTestId(frameSlider, "viewer-frame");
        frameSlider.addListener(SWT.Selection, e -> showFrame(frameSlider.getSelection()));
        frameLabel = new Label(navigation, SWT.NONE);
        frameLabel.setText("-");
        context.setTestId(frameLabel, "viewer-frame-label");
        play = new Button(navigation, SWT.TOGGLE);
        play.setText("Play");
        play.setEnabled(false);
        context.setTestId(play, "viewer-play");
        play.addListener(SWT.Selection, e -> togglePlayback());
        new Label(navigation, SWT.NONE).setText("Profile");
        profileChoice = new Combo(navigation, SWT.READ_ONLY);
        profileChoice.setItems(new String[] {"row", "column"});
        profileChoice.select(0);
        context.setTestId(profileChoice, "viewer-profile");

        SashForm split = new SashForm(right, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite imageSide = new Composite(split, SWT.NONE);
        imageSide.setLayout(new GridLayout(1, false));
        image = new ImageArea(imageSide, context, "viewer-image");
        image.onPointer(this::readoutAt, this::zoomTo);
        readout = new Label(imageSide, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readout.setText("Click the image for a pixel's value; drag a rectangle to zoom.");
        context.setTestId(readout, "viewer-readout");
        info = new Label(imageSide, SWT.NONE);
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(info, "viewer-info");
        SashForm plots = new SashForm(split, SWT.HORIZONTAL);
        plot = new PlotCanvas(plots);
        context.setTestId(plot.control(), "viewer-plot");
        histogram = new PlotCanvas(plots);
        context.setTestId(histogram.control(), "viewer-histogram");
        split.setWeights(new int[] {75, 25});
    }

    // ---- opening a file

    private void open(String requestedFile) {
        String id = datasetId.getText().trim();
        if (id.isEmpty()) {
            status.setText("Enter a dataset id first.");
            relayout();
            return;
        }
        status.setText("Opening " + id + " …");
        relayout();
        String user = context.user();
        work.submit(() -> {
            try {
                ViewerServices.OpenedFile opened = services.open(user, id, requestedFile);
                if (opened.location() instanceof FileLocation.Recalling r) {
                    context.asyncExec(() -> showRecalling(opened, r));
                    return;
                }
                Path local = ((FileLocation.Readable) opened.location()).file();
                FileTree fileTree = reader().tree(local);
                context.asyncExec(() -> showTree(opened, local, fileTree));
            } catch (VisualizationException | RuntimeException e) {
                LOG.debug("Viewer could not open {} for '{}'", id, user, e);
                context.asyncExec(() -> showError(e));
            }
        });
    }

    private void showRecalling(ViewerServices.OpenedFile opened, FileLocation.Recalling r) {
        fillFiles(opened);
        status.setText(opened.file() + " is on tape (" + r.tier() + "): recall " + r.status().state() + ", "
                + r.status().keysDone() + " of " + r.status().keysTotal() + " files online. Open it again later.");
        relayout();
    }

    private void showTree(ViewerServices.OpenedFile opened, Path local, FileTree fileTree) {
        stopPlayback();
        file = local;
        shown = null;
        fillFiles(opened);
        tree.removeAll();
        TreeItem root = new TreeItem(tree, SWT.NONE);
        fillItem(root, fileTree.root());
        root.setExpanded(true);
        status.setText(opened.dataset().id().value() + " / " + opened.file()
                + (fileTree.truncated() ? " (tree cut short: the file has too many objects)" : ""));
        Node first = fileTree.defaultPlot().map(p -> find(fileTree.root(), p.signal())).orElse(null);
        if (first == null) {
            first = firstImage(fileTree.root());
        }
        if (first != null) {
            TreeItem item = reveal(root, first.path());
            if (item != null) {
                tree.setSelection(item);
            }
            select(first);
        }
        relayout();
    }

    private void fillFiles(ViewerServices.OpenedFile opened) {
        List<String> files = opened.files();
        fileChoice.setItems(files.toArray(String[]::new));
        fileChoice.select(files.indexOf(opened.file()));
    }

    private void fillItem(TreeItem item, Node node) {
        item.setText(new String[] {node.path().equals("/") ? "/" : node.name(), Describe.node(node)});
        item.setData(node);
        for (Node child : node.children()) {
            fillItem(new TreeItem(item, SWT.NONE), child);
        }
    }

    private static TreeItem reveal(TreeItem item, String path) {
        if (item.getData() instanceof Node node && node.path().equals(path)) {
            return item;
        }
        for (TreeItem child : item.getItems()) {
            TreeItem found = reveal(child, path);
            if (found != null) {
                item.setExpanded(true);
                return found;
            }
        }
        return null;
    }

    private static Node find(Node node, String path) {
        if (node.path().equals(path)) {
            return node;
        }
        for (Node child : node.children()) {
            Node found = find(child, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Without a NeXus default, the first numeric dataset of rank 2 or more (depth first). */
    private static Node firstImage(Node node) {
        if (node.kind() == NodeKind.DATASET && node.dataset().numeric() && node.dataset().rank() >= 2) {
            return node;
        }
        for (Node child : node.children()) {
            Node found = firstImage(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // ---- choosing what to show

    private void select(Node node) {
        attributes.removeAll();
        for (Map.Entry<String, Object> a : new TreeMap<>(node.attributes()).entrySet()) {
            new TableItem(attributes, SWT.NONE).setText(new String[] {a.getKey(), Describe.attribute(a.getValue())});
        }
        DatasetInfo d = node.dataset();
        if (d == null || !d.numeric() || d.rank() == 0 || d.shape().contains(0L)) {
            return;
        }
        stopPlayback();
        shown = node;
        frame = 0;
        int frames = frames(d);
        frameSlider.setMinimum(0);
        frameSlider.setMaximum(Math.max(1, frames - 1));
        frameSlider.setSelection(0);
        frameSlider.setEnabled(frames > 1);
        play.setEnabled(frames > 1);
        frameLabel.setText(frames > 1 ? "1 / " + frames : "-");
        if (d.rank() == 1) {
            region = null;
            image.clear();
            histogram.clear("");
            showLine(node);
        } else {
            region = Region.full(extent(d, d.rank() - 1), extent(d, d.rank() - 2));
            render();
        }
        relayout();
    }

    /** Frames of a stack: the extent of the dimension before the image's two (1 for a plain image). */
    static int frames(DatasetInfo d) {
        return d.rank() >= 3 ? extent(d, d.rank() - 3) : 1;
    }

    /** The indices before an image's two dimensions: the frame in the third-last, 0 in any before. */
    static String leading(DatasetInfo d, int frame) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < d.rank() - 2; i++) {
            s.append(s.length() == 0 ? "" : ",").append(i == d.rank() - 3 ? frame : 0);
        }
        return s.toString();
    }

    private static int extent(DatasetInfo d, int dimension) {
        return (int) Math.min(Integer.MAX_VALUE, d.shape().get(dimension));
    }

    private void showFrame(int index) {
        if (shown == null || region == null) {
            return;
        }
        frame = index;
        frameLabel.setText((index + 1) + " / " + frames(shown.dataset()));
        render();
    }

    private void zoom(double factor) {
        if (region != null) {
            moveTo(region.zoom(factor, region.x() + region.width() / 2.0, region.y() + region.height() / 2.0));
        }
    }

    private void pan(double dx, double dy) {
        if (region != null) {
            moveTo(region.pan(dx, dy));
        }
    }

    private void zoomTo(int x0, int y0, int x1, int y1) {
        Picture p = image.picture();
        if (p != null && region != null) {
            Screen s = p.screen();
            moveTo(region.select(s.sourceX(x0), s.sourceY(y0), s.sourceX(x1), s.sourceY(y1)));
        }
    }

    private void moveTo(Region next) {
        if (next != null && region != null) {
            region = next;
            render();
        }
    }

    // ---- reading and rendering, in the background

    private void render() {
        if (file == null || shown == null || region == null) {
            return;
        }
        Path f = file;
        Node node = shown;
        Region r = region;
        int index = frame;
        Point viewport = image.viewport();
        Look look = lookBar.look();
        String slice = r.slice(leading(node.dataset(), index));
        work.submit(() -> {
            try {
                // a whole detector frame is binned while its chunk decodes: never held decoded for an overview
                Optional<Frame> stored = reader().storedFrame(f, node.path(), slice);
                Picture picture = stored.isPresent()
                        ? Picture.render(renderer(), renderer().framePlane(stored.get(), viewport.x, viewport.y,
                                look.binning()), r, viewport.x, viewport.y, look)
                        : Picture.render(renderer(), reader().read(f, node.path(), slice), r, viewport.x,
                                viewport.y, look);
                context.asyncExec(() -> showPicture(node, index, picture));
            } catch (VisualizationException | RuntimeException e) {
                LOG.debug("Viewer could not render {} [{}] of {}", node.path(), slice, f, e);
                context.asyncExec(() -> showError(e));
            }
        });
    }

    private void showPicture(Node node, int index, Picture picture) {
        if (node != shown) {
            return;
        }
        image.show(picture);
        lookBar.showLimits(picture.low(), picture.high());
        Region r = picture.screen().region();
        String scale = picture.screen().magnify() > 1 ? picture.screen().magnify() + " screen px per pixel"
                : picture.screen().bin() + " pixel" + (picture.screen().bin() > 1 ? "s" : "") + " per screen px";
        info.setText("Frame " + (index + 1) + " · pixels " + r.x() + "–" + (r.x() + r.width() - 1) + " × " + r.y()
                + "–" + (r.y() + r.height() - 1) + " of " + r.fullWidth() + "×" + r.fullHeight() + " · " + scale
                + " · " + picture.width() + "×" + picture.height() + " · contrast " + Describe.number(picture.low())
                + " … " + Describe.number(picture.high()));
        histogram.showBars("Histogram (" + lookBar.look().scale().name().toLowerCase(java.util.Locale.ROOT) + ")",
                picture.histogram().counts());
        relayout();
    }

    private void showLine(Node node) {
        Path f = file;
        work.submit(() -> {
            try {
                NdArray values = reader().read(f, node.path(), "");
                double[] ys = line(values);
                context.asyncExec(() -> {
                    plot.showLine(node.name() + " (" + values.size() + " values"
                            + (values.size() > ys.length ? ", binned to " + ys.length : "") + ")", ys);
                    info.setText(node.path() + ": " + values.size() + " values");
                    relayout();
                });
            } catch (VisualizationException | RuntimeException e) {
                context.asyncExec(() -> showError(e));
            }
        });
    }

    /** A 1-D array as plot values (masked values NaN), binned by its mean down to {@link #MAX_LINE_POINTS}. */
    private double[] line(NdArray values) throws VisualizationException {
        // A single pixel reads as rank 0; the renderer takes it as a one-value line.
        NdArray line = values.rank() == 0 ? new NdArray(new int[] {1}, values.type(), values.data()) : values;
        float[] v = renderer().plane(line, MAX_LINE_POINTS, 1, Binning.MEAN).values();
        double[] ys = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            ys[i] = v[i];
        }
        return ys;
    }

    private void readoutAt(int sx, int sy) {
        Picture p = image.picture();
        if (p == null || shown == null) {
            return;
        }
        int x = p.screen().sourceX(sx);
        int y = p.screen().sourceY(sy);
        Path f = file;
        Node node = shown;
        Region r = p.screen().region();
        String leading = leading(node.dataset(), frame);
        String prefix = leading.isEmpty() ? "" : leading + ",";
        int index = frame;
        boolean row = profileChoice.getSelectionIndex() != 1;
        work.submit(() -> {
            try {
                double value = line(reader().read(f, node.path(), prefix + y + "," + x))[0];
                double[] profile = line(reader().read(f, node.path(), row
                        ? prefix + y + "," + r.x() + ":" + (r.x() + r.width())
                        : prefix + r.y() + ":" + (r.y() + r.height()) + "," + x));
                context.asyncExec(() -> {
                    readout.setText("x " + x + ", y " + y + (frames(node.dataset()) > 1 ? ", frame " + (index + 1)
                            : "") + ": " + Describe.number(value));
                    plot.showLine((row ? "Row " + y : "Column " + x) + " profile", profile);
                    relayout();
                });
            } catch (VisualizationException | RuntimeException e) {
                context.asyncExec(() -> showError(e));
            }
        });
    }

    // ---- playback

    private void togglePlayback() {
        if (play.getSelection()) {
            playback = timer.scheduleAtFixedRate(() -> context.asyncExec(this::nextFrame), PLAY_PERIOD_MILLIS,
                    PLAY_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            play.setText("Pause");
        } else {
            stopPlayback();
        }
    }

    private void nextFrame() {
        if (shown == null || playback == null || frameSlider.isDisposed()) {
            return;
        }
        int next = (frame + 1) % frames(shown.dataset());
        frameSlider.setSelection(next);
        showFrame(next);
    }

    private void stopPlayback() {
        if (playback != null) {
            playback.cancel(false);
            playback = null;
        }
        if (play != null && !play.isDisposed()) {
            play.setSelection(false);
            play.setText("Play");
        }
    }

    // ---- helpers

    private DataFileReader reader() throws VisualizationException {
        return ViewerServices.require(services.reader().get(), "HDF5 reader (org.datastamp.visualization.hdf5)");
    }

    private ArrayRenderer renderer() throws VisualizationException {
        return ViewerServices.require(services.renderer().get(), "renderer (org.datastamp.visualization.render)");
    }

    private void showError(Exception e) {
        status.setText(e.getMessage() == null ? e.toString() : e.getMessage());
        relayout();
    }

    private void relayout() {
        status.getParent().layout(true, true);
        info.getParent().layout(true, true);
    }

    private static void column(Tree tree, String title, int width) {
        TreeColumn column = new TreeColumn(tree, SWT.NONE);
        column.setText(title);
        column.setWidth(width);
    }

    private void button(Composite bar, String text, String testId, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        context.setTestId(b, testId);
        b.addListener(SWT.Selection, e -> action.run());
    }
}
