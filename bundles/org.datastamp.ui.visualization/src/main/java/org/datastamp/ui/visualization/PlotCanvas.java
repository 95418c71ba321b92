package org.datastamp.ui.visualization;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A small plot drawn in the browser's canvas: a line (1-D data, a row or column profile) or bars (a histogram),
 * with its caption and value range. NaN values (masked pixels) leave gaps.
 */
final class PlotCanvas {

    private static final int MARGIN = 18;

    private final Canvas canvas;
    private double[] values = new double[0];
    private boolean bars;
    private String caption = "";

    PlotCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.BORDER);
        canvas.addPaintListener(event -> paint(event.gc));
    }

    Canvas control() {
        return canvas;
    }

    void showLine(String text, double[] ys) {
        show(text, ys, false);
    }

    void showBars(String text, long[] counts) {
        double[] ys = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            ys[i] = counts[i];
        }
        show(text, ys, true);
    }

    void clear(String text) {
        show(text, new double[0], false);
    }

    private void show(String text, double[] ys, boolean asBars) {
        caption = text;
        values = ys.clone();
        bars = asBars;
        canvas.redraw();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        double[] range = range(values);
        String span = values.length == 0 ? "" : "  [" + Describe.number(range[0]) + " … " + Describe.number(range[1])
                + "]";
        gc.drawText(caption + span, 4, 2, true);
        int w = area.width - 2 * MARGIN;
        int h = area.height - 2 * MARGIN;
        if (values.length == 0 || w <= 0 || h <= 0 || Double.isNaN(range[0])) {
            return;
        }
        double scale = range[1] > range[0] ? h / (range[1] - range[0]) : 0;
        int bottom = MARGIN + h;
        gc.drawLine(MARGIN, bottom, MARGIN + w, bottom);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < values.length; i++) {
            int x = MARGIN + (int) ((long) i * w / Math.max(1, values.length - (bars ? 0 : 1)));
            if (Double.isNaN(values[i])) {
                previousX = -1;
                continue;
            }
            int y = bottom - (int) Math.round((values[i] - range[0]) * scale);
            if (bars) {
                int next = MARGIN + (int) ((long) (i + 1) * w / values.length);
                gc.fillRectangle(x, y, Math.max(1, next - x - 1), bottom - y);
            } else if (previousX >= 0) {
                gc.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
    }

    /** Smallest and largest non-NaN value; bars start at zero. */
    private double[] range(double[] ys) {
        double min = bars ? 0 : Double.NaN;
        double max = Double.NaN;
        for (double v : ys) {
            if (!Double.isNaN(v)) {
                min = Double.isNaN(min) || v < min ? v : min;
                max = Double.isNaN(max) || v > max ? v : max;
            }
        }
        return new double[] {min, max};
    }
}
