package org.datastamp.ui.logbook;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.ScanRow;
import org.datastamp.logbook.api.ScanThumbnails;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thumbnail column of the scans overview: images the server draws ({@link ScanThumbnails#png}, with the session
 * user's viewer) and RAP serves to this browser session only, so non-public data shows without REST credentials.
 * Thumbnails are fetched on the view's background thread, once per dataset and session, and only for the rows in
 * sight; an item's image is set only when it changes, and images of rows no longer listed are disposed.
 */
final class ScanThumbnailImages {

    private static final Logger LOG = LoggerFactory.getLogger(ScanThumbnailImages.class);
    /** Rows asked for before the table knows its size (first paint). */
    private static final int ROWS_BEFORE_LAYOUT = 25;

    private final Table table;
    private final ViewContext context;
    private final Supplier<Optional<ScanThumbnails>> service;
    private final Executor background;
    private final Runnable arrived;
    private final ThumbnailCache cache = new ThumbnailCache();
    private final Map<String, Image> images = new HashMap<>();

    /** {@code arrived} runs on the UI thread when a fetched thumbnail is in, to show it. */
    ScanThumbnailImages(Table table, ViewContext context, Supplier<Optional<ScanThumbnails>> service,
            Executor background, Runnable arrived) {
        this.table = table;
        this.context = context;
        this.service = service;
        this.background = background;
        this.arrived = arrived;
    }

    /** On the UI thread, with the table's items matching {@code rows}. */
    void show(List<ScanRow> rows, int column, Viewer viewer) {
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String id = rows.get(i).datasetId();
            listed.add(id);
            Image image = image(id);
            TableItem item = table.getItem(i);
            if (item.getImage(column) != image) {
                item.setImage(column, image);
            }
        }
        images.entrySet().removeIf(e -> {
            boolean gone = !listed.contains(e.getKey());
            if (gone) {
                e.getValue().dispose();
            }
            return gone;
        });
        fetch(inSight(rows), viewer);
    }

    /** The explicit refresh: datasets that had no thumbnail are asked for again. */
    void retryMissing() {
        cache.retryMissing();
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }

    private Image image(String datasetId) {
        Image image = images.get(datasetId);
        if (image != null || datasetId.isEmpty()) {
            return image;
        }
        Optional<byte[]> png = cache.png(datasetId);
        if (png.isEmpty()) {
            return null;
        }
        try {
            image = new Image(table.getDisplay(), new ByteArrayInputStream(png.get()));
        } catch (SWTException e) {
            LOG.warn("The thumbnail of dataset {} is no image SWT can read: {}", datasetId, e.getMessage());
            cache.arrived(datasetId, Optional.empty());
            return null;
        }
        images.put(datasetId, image);
        return image;
    }

    private List<ScanRow> inSight(List<ScanRow> rows) {
        int itemHeight = table.getItemHeight();
        int area = table.getClientArea().height;
        int count = itemHeight > 0 && area > 0 ? area / itemHeight + 2 : ROWS_BEFORE_LAYOUT;
        int top = Math.min(Math.max(0, table.getTopIndex()), rows.size());
        return rows.subList(top, Math.min(rows.size(), top + count));
    }

    private void fetch(List<ScanRow> visible, Viewer viewer) {
        Optional<ScanThumbnails> thumbnails = service.get();
        if (thumbnails.isEmpty()) {
            return;
        }
        List<String> ids = cache.toFetch(visible);
        if (ids.isEmpty()) {
            return;
        }
        try {
            background.execute(() -> {
                for (String id : ids) {
                    Optional<byte[]> png = draw(thumbnails.get(), id, viewer);
                    context.asyncExec(() -> {
                        if (!table.isDisposed()) {
                            cache.arrived(id, png);
                            arrived.run();
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            cache.abandoned(ids); // the view component is deactivating; the workbench closes this view next
        }
    }

    private static Optional<byte[]> draw(ScanThumbnails thumbnails, String datasetId, Viewer viewer) {
        try {
            return thumbnails.png(datasetId, viewer, ThumbnailCache.PIXELS);
        } catch (RuntimeException e) {
            LOG.warn("No thumbnail of dataset {}: the thumbnail service failed: {}", datasetId, e.toString());
            return Optional.empty();
        }
    }
}
