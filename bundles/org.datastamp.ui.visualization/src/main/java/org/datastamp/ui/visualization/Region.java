package org.datastamp.ui.visualization;

/**
 * The part of a frame on screen, in source pixels: columns {@code x .. x+width-1}, rows {@code y .. y+height-1} of a
 * {@code fullWidth x fullHeight} frame. Zooming and panning make new regions, always inside the frame and at least
 * {@link #MIN_SIZE} pixels wide and high (or the whole frame, if smaller).
 */
record Region(int x, int y, int width, int height, int fullWidth, int fullHeight) {

    static final int MIN_SIZE = 8;

    Region {
        if (fullWidth <= 0 || fullHeight <= 0) {
            throw new IllegalArgumentException("A frame has positive size, got " + fullWidth + "x" + fullHeight);
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > fullWidth || y + height > fullHeight) {
            throw new IllegalArgumentException("Region " + width + "x" + height + "+" + x + "+" + y
                    + " is not inside a " + fullWidth + "x" + fullHeight + " frame");
        }
    }

    static Region full(int width, int height) {
        return new Region(0, 0, width, height, width, height);
    }

    boolean isFull() {
        return width == fullWidth && height == fullHeight;
    }

    /** The region spanned by two corners (in any order), clamped to the frame and grown to the minimum size. */
    Region select(int x0, int y0, int x1, int y1) {
        return around((x0 + x1) / 2.0, (y0 + y1) / 2.0, Math.abs(x1 - x0) + 1, Math.abs(y1 - y0) + 1);
    }

    /** {@code factor} times magnified (above 1 zooms in) around the source pixel {@code (cx, cy)}. */
    Region zoom(double factor, double cx, double cy) {
        return around(cx, cy, (int) Math.round(width / factor), (int) Math.round(height / factor));
    }

    /** Moved by a fraction of its own size (1 = one full view to the right or down), stopping at the frame's edge. */
    Region pan(double dx, double dy) {
        int nx = clamp(x + (int) Math.round(dx * width), 0, fullWidth - width);
        int ny = clamp(y + (int) Math.round(dy * height), 0, fullHeight - height);
        return new Region(nx, ny, width, height, fullWidth, fullHeight);
    }

    /** numpy-style slice of these rows and columns, after the given leading indices (e.g. the frame). */
    String slice(String leading) {
        String yx = y + ":" + (y + height) + "," + x + ":" + (x + width);
        return leading.isEmpty() ? yx : leading + "," + yx;
    }

    private Region around(double cx, double cy, int w, int h) {
        int nw = clamp(w, Math.min(MIN_SIZE, fullWidth), fullWidth);
        int nh = clamp(h, Math.min(MIN_SIZE, fullHeight), fullHeight);
        int nx = clamp((int) Math.round(cx - nw / 2.0), 0, fullWidth - nw);
        int ny = clamp((int) Math.round(cy - nh / 2.0), 0, fullHeight - nh);
        return new Region(nx, ny, nw, nh, fullWidth, fullHeight);
    }

    private static int clamp(int v, int low, int high) {
        return Math.max(low, Math.min(high, v));
    }
}
