package org.datastamp.ui.visualization;

import java.io.ByteArrayInputStream;
import java.util.function.BiConsumer;

import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Where pictures are shown: a label holding the server-rendered PNG at the area's top left, exactly at its pixel
 * size, so a click maps to one screen pixel of the picture. A drag selects a rectangle, a click a point (RAP reports
 * mouse down and up, not moves).
 */
final class ImageArea {

    /** Below this many screen pixels of movement between press and release, it is a click, not a drag. */
    static final int DRAG_THRESHOLD = 6;

    /** Receives a rectangle dragged on the picture: x0, y0, x1, y1 in screen pixels. */
    interface DragListener {
        void dragged(int x0, int y0, int x1, int y1);
    }

    private final Composite holder;
    private final Label label;
    private Image image;
    private Picture picture;
    private int downX = -1;
    private int downY = -1;

    ImageArea(Composite parent, ViewContext context, String testId) {
        holder = new Composite(parent, SWT.BORDER);
        holder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        label = new Label(holder, SWT.NONE);
        label.setBounds(0, 0, 0, 0);
        context.setTestId(holder, testId + "-area");
        context.setTestId(label, testId);
        holder.addDisposeListener(event -> disposeImage());
    }

    /** Calls {@code onClick} with screen coordinates on a click, {@code onDrag} on a drag. */
    void onPointer(BiConsumer<Integer, Integer> onClick, DragListener onDrag) {
        label.addListener(SWT.MouseDown, event -> {
            downX = event.x;
            downY = event.y;
        });
        label.addListener(SWT.MouseUp, event -> {
            if (downX < 0) {
                return;
            }
            if (Math.abs(event.x - downX) + Math.abs(event.y - downY) < DRAG_THRESHOLD) {
                onClick.accept(event.x, event.y);
            } else {
                onDrag.dragged(downX, downY, event.x, event.y);
            }
            downX = -1;
        });
    }

    /** The area's size in screen pixels: the viewport the server renders for. */
    Point viewport() {
        Point size = holder.getSize();
        return new Point(Math.max(64, size.x - 4), Math.max(64, size.y - 4));
    }

    Picture picture() {
        return picture;
    }

    void show(Picture shown) {
        Image next = new Image(holder.getDisplay(), new ByteArrayInputStream(shown.png()));
        label.setImage(next);
        label.setBounds(0, 0, shown.width(), shown.height());
        disposeImage();
        image = next;
        picture = shown;
    }

    void clear() {
        label.setImage(null);
        label.setBounds(0, 0, 0, 0);
        disposeImage();
        picture = null;
    }

    private void disposeImage() {
        if (image != null && !image.isDisposed()) {
            image.dispose();
        }
        image = null;
    }
}
