package org.datastamp.ui.visualization;

/**
 * How a rendered region sits on screen: each screen pixel shows a {@code bin x bin} block of source pixels, or,
 * zoomed in beyond one to one, each source pixel is drawn as a {@code magnify x magnify} block.
 *
 * @param region  the source pixels shown
 * @param bin     source pixels per rendered pixel (from the renderer's plane)
 * @param magnify screen pixels per rendered pixel
 */
record Screen(Region region, int bin, int magnify) {

    Screen {
        if (bin < 1 || magnify < 1 || bin > 1 && magnify > 1) {
            throw new IllegalArgumentException("Either bin or magnify is 1, got " + bin + " and " + magnify);
        }
    }

    /** The magnification that fills a viewport with a region rendered at full resolution (never below 1). */
    static int magnification(Region region, int viewportWidth, int viewportHeight) {
        return Math.max(1, Math.min(viewportWidth / region.width(), viewportHeight / region.height()));
    }

    /** The source column under screen column {@code sx}, clamped to the region. */
    int sourceX(int sx) {
        return Math.min(region.x() + region.width() - 1, region.x() + Math.max(0, sx) * bin / magnify);
    }

    /** The source row under screen row {@code sy}, clamped to the region. */
    int sourceY(int sy) {
        return Math.min(region.y() + region.height() - 1, region.y() + Math.max(0, sy) * bin / magnify);
    }
}
