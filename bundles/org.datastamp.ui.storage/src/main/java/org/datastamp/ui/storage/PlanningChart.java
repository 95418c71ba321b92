package org.datastamp.ui.storage;

import java.util.List;

import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.YearProjection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * The planning chart, drawn with SWT's GC on a canvas (RAP renders it in the browser's canvas): on the left the bytes
 * ingested per month, on the right the projected cumulative cost against the cumulative budget, where the two lines
 * cross is the end of the preservation period.
 */
final class PlanningChart {

    private static final int MARGIN = 22;
    private static final int GAP = 40;

    private final Canvas canvas;
    private PlanningReport report;

    PlanningChart(Composite parent) {
        canvas = new Canvas(parent, SWT.BORDER);
        canvas.addPaintListener(event -> paint(event.gc));
    }

    Canvas control() {
        return canvas;
    }

    void show(PlanningReport shown) {
        report = shown;
        canvas.redraw();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Display display = canvas.getDisplay();
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (report == null) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("No planning report", 4, 2, true);
            return;
        }
        int half = (area.width - GAP) / 2;
        months(gc, new Rectangle(0, 0, half, area.height), report.months());
        costs(gc, new Rectangle(half + GAP, 0, area.width - half - GAP, area.height), report.projection());
    }

    private void months(GC gc, Rectangle box, List<MonthlyIngest> months) {
        Display display = canvas.getDisplay();
        double top = ChartScale.niceCeiling(months.stream().mapToLong(MonthlyIngest::bytes).max().orElse(0));
        gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawText("Ingest per month (max " + StorageFormat.bytes((long) top) + ")", box.x + 4, box.y + 2, true);
        int left = box.x + MARGIN;
        int width = box.width - 2 * MARGIN;
        int height = box.height - 3 * MARGIN;
        int bottom = box.y + 2 * MARGIN + height;
        if (width <= 0 || height <= 0 || months.isEmpty()) {
            return;
        }
        gc.drawLine(left, bottom, left + width, bottom);
        gc.setBackground(display.getSystemColor(SWT.COLOR_DARK_BLUE));
        for (int i = 0; i < months.size(); i++) {
            int x = ChartScale.barLeft(i, months.size(), left, width);
            int w = Math.max(1, ChartScale.barLeft(i + 1, months.size(), left, width) - x - 2);
            int h = ChartScale.pixels(months.get(i).bytes(), top, height);
            gc.fillRectangle(x, bottom - h, w, h);
        }
        gc.drawText(months.get(0).month().toString(), left, bottom + 2, true);
        String last = months.get(months.size() - 1).month().toString();
        gc.drawText(last, left + width - gc.textExtent(last).x, bottom + 2, true);
    }

    private void costs(GC gc, Rectangle box, List<YearProjection> years) {
        Display display = canvas.getDisplay();
        gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawText("Cumulative cost (red) and budget (green), " + report.currency() + ": " + report.preservation(),
                box.x + 4, box.y + 2, true);
        int left = box.x + MARGIN;
        int width = box.width - 2 * MARGIN;
        int height = box.height - 3 * MARGIN;
        int bottom = box.y + 2 * MARGIN + height;
        if (width <= 0 || height <= 0 || years.isEmpty()) {
            return;
        }
        double max = years.stream().mapToDouble(y -> Math.max(y.cumulativeCost(), y.cumulativeBudget())).max()
                .orElse(0);
        double top = ChartScale.niceCeiling(max);
        gc.drawLine(left, bottom, left + width, bottom);
        gc.drawText("year 1", left, bottom + 2, true);
        String end = "year " + years.get(years.size() - 1).year() + ", top " + StorageFormat.money(top,
                report.currency());
        gc.drawText(end, left + width - gc.textExtent(end).x, bottom + 2, true);
        line(gc, display.getSystemColor(SWT.COLOR_DARK_GREEN), years, true, left, width, bottom, height, top);
        line(gc, display.getSystemColor(SWT.COLOR_RED), years, false, left, width, bottom, height, top);
    }

    private static void line(GC gc, Color color, List<YearProjection> years, boolean budget, int left, int width,
            int bottom, int height, double top) {
        gc.setForeground(color);
        gc.setLineWidth(2);
        int previousX = left;
        int previousY = bottom;
        for (int i = 0; i < years.size(); i++) {
            YearProjection y = years.get(i);
            int x = ChartScale.barLeft(i + 1, years.size(), left, width);
            int h = ChartScale.pixels(budget ? y.cumulativeBudget() : y.cumulativeCost(), top, height);
            gc.drawLine(previousX, previousY, x, bottom - h);
            previousX = x;
            previousY = bottom - h;
        }
        gc.setLineWidth(1);
    }
}
