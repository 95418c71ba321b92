package org.datastamp.ui.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.datastamp.ui.api.WorkbenchView;

/**
 * The workbench views registered now, in display order, and the browser sessions that want to hear when that set
 * changes. Listeners are told only "something changed" and read {@link #views()} again in their UI thread, so a
 * notification that arrives late can never bring back an older set.
 */
final class ViewBook {

    static final Comparator<WorkbenchView> ORDER = Comparator.comparingInt(WorkbenchView::order)
            .thenComparing(WorkbenchView::id);

    private final List<WorkbenchView> views = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void add(WorkbenchView view) {
        synchronized (views) {
            views.add(view);
            views.sort(ORDER);
        }
        listeners.forEach(Runnable::run);
    }

    void remove(WorkbenchView view) {
        boolean removed;
        synchronized (views) {
            removed = views.remove(view);
        }
        if (removed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** The views in display order: by {@link WorkbenchView#order()}, then id. */
    List<WorkbenchView> views() {
        synchronized (views) {
            return List.copyOf(views);
        }
    }

    /**
     * Calls {@code listener} after every change, on the thread that made it; keep it short (post to the UI).
     *
     * @return closes the subscription
     */
    AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }
}
