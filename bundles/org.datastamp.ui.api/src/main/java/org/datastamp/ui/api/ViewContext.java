package org.datastamp.ui.api;

import org.eclipse.swt.widgets.Widget;

/** What the workbench offers one view in one browser session. Implemented by the workbench only. */
public interface ViewContext {

    /**
     * Runs {@code update} in the session's UI thread soon and pushes the result to the browser without a reload.
     * Callable from any thread (a service listener, an executor); does nothing once the view or the session has
     * been closed, so late notifications are harmless.
     */
    void asyncExec(Runnable update);

    /**
     * Gives a widget a stable {@code data-testid} attribute in the browser's DOM, for browser tests and
     * accessibility tooling. For a {@code Text}, its {@code <input>} also gets {@code data-testid="<testId>-input"}.
     * Call it in the UI thread, after creating the widget.
     *
     * @param testId lower-case letters, digits and dashes, e.g. {@code start-scan}
     * @throws IllegalArgumentException if {@code testId} has other characters
     */
    void setTestId(Widget widget, String testId);

    /**
     * The user signed in to this browser session, empty when anonymous. The workbench rebuilds every view when the
     * user signs in or out, so a view reads this when it builds its contents. Callable from any thread.
     *
     * @since 1.1
     */
    String user();

    /**
     * Offers a file the view made to the browser as a download (saved by the browser, the page stays). Only this
     * browser session can fetch it, once; it is kept in the session until fetched (a few at most: the oldest
     * unfetched one is dropped). Call it in the UI thread.
     *
     * @param fileName  the name the browser saves it under, e.g. {@code logbook-S1.pdf}; characters a file name
     *                  cannot hold are replaced
     * @param mediaType e.g. {@code application/pdf}
     * @param content   the whole file (views offer files of a few megabytes, such as exports)
     * @since 1.2
     */
    void download(String fileName, String mediaType, byte[] content);
}
