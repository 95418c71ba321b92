package org.datastamp.ui.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.analytics.api.Provenance;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/** One browser session's lineage view: the graph drawn on a canvas, and the same datasets listed in a table. */
final class LineagePanel {

    private static final int BOX_WIDTH = 200;
    private static final int BOX_HEIGHT = 44;
    private static final int COLUMN_GAP = 90;
    private static final int ROW_GAP = 20;
    private static final int MARGIN = 16;

    private final Composite parent;
    private final ViewContext context;
    private final Provenance provenance;
    private final Viewer viewer;

    private Text datasetId;
    private Label status;
    private Canvas canvas;
    private Table table;
    private Lineage lineage;
    private Map<DatasetId, LineageLayout.Cell> cells = Map.of();
    private int minColumn;

    LineagePanel(Composite parent, ViewContext context, Provenance provenance, Viewer viewer) {
        this.parent = parent;
        this.context = context;
        this.provenance = provenance;
        this.viewer = viewer;
    }

    void build() {
        parent.setLayout(new GridLayout(3, false));
        new Label(parent, SWT.NONE).setText("Dataset");
        datasetId = new Text(parent, SWT.BORDER);
        datasetId.setMessage("dataset id");
        datasetId.setLayoutData(new GridData(300, SWT.DEFAULT));
        context.setTestId(datasetId, "lineage-dataset");
        datasetId.addListener(SWT.DefaultSelection, e -> show(datasetId.getText().strip()));
        Button show = new Button(parent, SWT.PUSH);
        show.setText("Show lineage");
        context.setTestId(show, "lineage-show");
        show.addListener(SWT.Selection, e -> show(datasetId.getText().strip()));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        context.setTestId(status, "lineage-status");
        canvas = new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        GridData canvasData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        canvasData.heightHint = 360;
        canvas.setLayoutData(canvasData);
        context.setTestId(canvas, "lineage-graph");
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, e -> nodeAt(e.x, e.y).ifPresent(id -> show(id.value())));
        table = AnalyticsViews.table(parent, new String[] {"Dataset", "Title", "Type", "Relation", "Made by"},
                new int[] {260, 260, 90, 140, 260});
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1);
        tableData.heightHint = 160;
        table.setLayoutData(tableData);
        context.setTestId(table, "lineage-nodes");
        table.addListener(SWT.DefaultSelection, e -> {
            int i = table.getSelectionIndex();
            if (lineage != null && i >= 0 && i < lineage.nodes().size()) {
                show(lineage.nodes().get(i).id().value());
            }
        });
    }

    private void show(String id) {
        if (id.isEmpty()) {
            say("Type a dataset id");
            return;
        }
        try {
            lineage = provenance.lineage(new DatasetId(id), viewer);
        } catch (IllegalArgumentException | AnalysisException e) {
            say(e.getMessage());
            return;
        }
        datasetId.setText(id);
        cells = LineageLayout.of(lineage);
        minColumn = cells.values().stream().mapToInt(LineageLayout.Cell::column).min().orElse(0);
        table.setItemCount(lineage.nodes().size());
        for (int i = 0; i < lineage.nodes().size(); i++) {
            LineageNode n = lineage.nodes().get(i);
            int column = cells.get(n.id()).column();
            table.getItem(i).setText(new String[] {n.id().value(), n.visible() ? n.title() : "(not visible to you)",
                    n.type().name(), column == 0 ? "this dataset" : column < 0 ? "made from, " + -column + " up"
                            : "derived, " + column + " down", madeBy(n.id())});
        }
        say(lineage.nodes().size() + " datasets, " + lineage.edges().size() + " links; click a dataset to follow");
        canvas.redraw();
    }

    private String madeBy(DatasetId output) {
        return lineage.edges().stream().filter(e -> e.output().equals(output) && !e.jobId().isEmpty()).findFirst()
                .map(e -> e.pluginId() + " " + e.pluginVersion() + " (" + e.jobId() + ")").orElse("");
    }

    private Rectangle box(DatasetId id) {
        LineageLayout.Cell c = cells.get(id);
        return new Rectangle(MARGIN + (c.column() - minColumn) * (BOX_WIDTH + COLUMN_GAP),
                MARGIN + c.row() * (BOX_HEIGHT + ROW_GAP), BOX_WIDTH, BOX_HEIGHT);
    }

    private void paint(GC gc) {
        if (lineage == null) {
            return;
        }
        gc.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        for (LineageEdge e : lineage.edges()) {
            Rectangle from = box(e.input());
            Rectangle to = box(e.output());
            int x1 = from.x + from.width;
            int y1 = from.y + from.height / 2;
            int x2 = to.x;
            int y2 = to.y + to.height / 2;
            gc.drawLine(x1, y1, x2, y2);
            gc.drawLine(x2, y2, x2 - 8, y2 - 5);
            gc.drawLine(x2, y2, x2 - 8, y2 + 5);
            if (!e.pluginId().isEmpty()) {
                gc.drawText(e.pluginId() + " " + e.pluginVersion(), Math.min(x1, x2) + 4, (y1 + y2) / 2 - 16, true);
            }
        }
        for (LineageNode n : lineage.nodes()) {
            Rectangle r = box(n.id());
            boolean focus = n.id().equals(lineage.focus());
            gc.setBackground(parent.getDisplay().getSystemColor(!n.visible() ? SWT.COLOR_WIDGET_LIGHT_SHADOW
                    : focus ? SWT.COLOR_INFO_BACKGROUND : SWT.COLOR_WHITE));
            gc.fillRectangle(r);
            gc.setLineStyle(n.visible() ? SWT.LINE_SOLID : SWT.LINE_DASH);
            gc.setLineWidth(focus ? 2 : 1);
            gc.drawRectangle(r);
            gc.setLineStyle(SWT.LINE_SOLID);
            gc.setLineWidth(1);
            gc.drawText(shorten(n.id().value()) + (n.type() == DatasetType.RAW ? "  raw" : ""), r.x + 6, r.y + 4,
                    true);
            gc.drawText(n.visible() ? shorten(n.title()) : "not visible to you", r.x + 6, r.y + 22, true);
        }
    }

    private Optional<DatasetId> nodeAt(int x, int y) {
        if (lineage == null) {
            return Optional.empty();
        }
        List<LineageNode> nodes = lineage.nodes();
        return nodes.stream().filter(LineageNode::visible).map(LineageNode::id).filter(id -> box(id).contains(x, y))
                .findFirst();
    }

    private static String shorten(String text) {
        return text.length() <= 28 ? text : text.substring(0, 26) + "…";
    }

    private void say(String text) {
        status.setText(text);
        parent.layout(new Control[] {status});
    }
}
