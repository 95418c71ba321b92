package org.datastamp.ui.analytics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** What both views share: who the session's user is, a table with columns, a thread for background refreshes. */
final class AnalyticsViews {

    private AnalyticsViews() {
    }

    static Viewer viewer(FacilityDirectory directory, String user) {
        if (user.isEmpty()) {
            return Viewer.anonymous();
        }
        try {
            return directory.viewer(user);
        } catch (CatalogException e) {
            return Viewer.anonymous();
        }
    }

    static ScheduledExecutorService executor(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A single-selection table with a header and these columns (widths in pixels). */
    static Table table(Composite parent, String[] headers, int[] widths) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        return table;
    }
}
