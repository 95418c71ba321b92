package org.datastamp.ui.api;

import org.eclipse.swt.widgets.Composite;

/**
 * A view of the web workbench, contributed as an OSGi service. One service instance serves every browser session:
 * {@link #createContents} is called once per session, in that session's UI thread, and everything it creates
 * belongs to that session. The workbench disposes {@code parent} when the session ends or the service leaves, so
 * a view releases what it subscribed to in a dispose listener on {@code parent}.
 */
public interface WorkbenchView {

    /** Stable identifier, lower-case with dashes, e.g. {@code datasets}; also used in test ids. */
    String id();

    /** Title shown on the view's tab. */
    String title();

    /** Position among the views: lower comes first; ties are ordered by {@link #id()}. */
    int order();

    /**
     * Builds the view's widgets for one browser session.
     *
     * @param parent  an empty composite owned by the workbench, with no layout set
     * @param context services of the workbench for this session
     */
    void createContents(Composite parent, ViewContext context);
}
