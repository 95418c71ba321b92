package org.datastamp.analytics.api;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;

/**
 * Opens a dataset in the viewer's notebook server (e.g. on JupyterHub) with a starter notebook that loads its data.
 * Implemented by a connector plugin.
 */
public interface NotebookLauncher {

    /**
     * Starts opening: recalls the files when they are offline, asks the hub for the viewer's server with the
     * dataset's files reachable read-only, and places a starter notebook. Returns at once with the state reached so
     * far; call {@link #status} until {@link NotebookState#READY} or {@link NotebookState#FAILED}.
     */
    NotebookSession open(DatasetId dataset, Viewer viewer) throws AnalysisException;

    /** The latest state of opening {@code dataset} for {@code viewer}. */
    NotebookSession status(DatasetId dataset, Viewer viewer) throws AnalysisException;
}
