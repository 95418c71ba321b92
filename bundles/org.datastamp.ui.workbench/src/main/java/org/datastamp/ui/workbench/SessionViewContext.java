package org.datastamp.ui.workbench;

import org.datastamp.ui.api.ViewContext;
import org.eclipse.rap.rwt.RWT;
import org.eclipse.rap.rwt.client.service.JavaScriptExecutor;
import org.eclipse.rap.rwt.widgets.WidgetUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/** The {@link ViewContext} of one view in one browser session; created in that session's UI thread. */
final class SessionViewContext implements ViewContext {

    private final Display display;
    private final Composite viewParent;
    private final JavaScriptExecutor javaScript;
    private final SessionUser user;

    SessionViewContext(Composite viewParent) {
        this.display = viewParent.getDisplay();
        this.viewParent = viewParent;
        this.javaScript = RWT.getClient().getService(JavaScriptExecutor.class);
        this.user = new SessionUser(RWT.getUISession());
    }

    @Override
    public String user() {
        return user.get();
    }

    @Override
    public void asyncExec(Runnable update) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!viewParent.isDisposed()) {
                    update.run();
                }
            });
        } catch (SWTException e) {
            // The session ended between the check and the call: there is no browser left to update.
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
        }
    }

    @Override
    public void download(String fileName, String mediaType, byte[] content) {
        String token = Downloads.of(RWT.getUISession()).offer(new Downloads.Download(fileName, mediaType, content));
        String url = RWT.getServiceManager().getServiceHandlerUrl(DownloadHandler.ID) + "&" + DownloadHandler.TOKEN
                + "=" + token;
        javaScript.execute(Downloads.fetchScript(url, fileName));
    }

    @Override
    public void setTestId(Widget widget, String testId) {
        javaScript.execute(TestIds.script(WidgetUtil.getId(widget), testId, widget instanceof Text));
    }
}
