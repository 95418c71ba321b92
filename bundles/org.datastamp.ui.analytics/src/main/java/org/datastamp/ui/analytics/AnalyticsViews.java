package org.datastamp.ui.analytics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;

/** What both views share: who the session's user is, and a named daemon thread for background refreshes. */
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
}
