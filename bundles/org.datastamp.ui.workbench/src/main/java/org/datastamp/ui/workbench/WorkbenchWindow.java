package org.datastamp.ui.workbench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One browser session's tabs: keeps them in step with the registered views. Used in the UI thread only. */
final class WorkbenchWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchWindow.class);

    private final TabFolder folder;
    private final Map<WorkbenchView, TabItem> tabs = new LinkedHashMap<>();

    WorkbenchWindow(TabFolder folder) {
        this.folder = folder;
    }

    /** Removes the tabs of views that left and adds tabs for new ones, keeping {@code views}' order. */
    void show(List<WorkbenchView> views) {
        if (folder.isDisposed()) {
            return;
        }
        tabs.entrySet().removeIf(entry -> {
            if (views.contains(entry.getKey())) {
                return false;
            }
            close(entry.getValue());
            return true;
        });
        for (int index = 0; index < views.size(); index++) {
            WorkbenchView view = views.get(index);
            if (!tabs.containsKey(view)) {
                tabs.put(view, open(view, index));
            }
        }
    }

    /** Builds every view again, keeping the selected tab: after sign-in or sign-out, views show another user's data. */
    void reopenAll() {
        if (folder.isDisposed()) {
            return;
        }
        int selected = folder.getSelectionIndex();
        List<WorkbenchView> views = List.copyOf(tabs.keySet());
        tabs.values().forEach(WorkbenchWindow::close);
        tabs.clear();
        show(views);
        if (selected >= 0 && selected < folder.getItemCount()) {
            folder.setSelection(selected);
        }
    }

    private TabItem open(WorkbenchView view, int index) {
        TabItem item = new TabItem(folder, SWT.NONE, index);
        item.setText(view.title());
        Composite content = new Composite(folder, SWT.NONE);
        item.setControl(content);
        SessionViewContext context = new SessionViewContext(content);
        try {
            view.createContents(content, context);
        } catch (RuntimeException e) {
            // One broken view must not take the workbench down; its tab says what happened.
            LOG.error("View '{}' failed to build its contents", view.id(), e);
            for (var child : content.getChildren()) {
                child.dispose();
            }
            content.setLayout(new FillLayout());
            new Label(content, SWT.WRAP).setText("This view failed to open: " + e);
        }
        try {
            context.setTestId(item, "tab-" + view.id());
            context.setTestId(content, "view-" + view.id());
        } catch (IllegalArgumentException e) {
            LOG.warn("View '{}' gets no test id: {}", view.id(), e.getMessage());
        }
        content.layout(true, true);
        if (folder.getSelectionIndex() < 0) {
            folder.setSelection(item);
        }
        return item;
    }

    private static void close(TabItem item) {
        if (item.getControl() != null) {
            item.getControl().dispose();
        }
        item.dispose();
    }
}
