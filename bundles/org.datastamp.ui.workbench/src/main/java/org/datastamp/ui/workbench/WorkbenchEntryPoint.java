package org.datastamp.ui.workbench;

import java.util.function.Supplier;

import org.datastamp.security.api.Authenticator;
import org.eclipse.rap.rwt.RWT;
import org.eclipse.rap.rwt.application.EntryPoint;
import org.eclipse.rap.rwt.service.ServerPushSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench page of one browser session: a header with the account area and a tab per registered view. Views come and go while the
 * page is open; a server push session stays active for the page's life so that changes made by other threads
 * (new views, new capabilities, finished scans) reach the browser without a reload.
 */
final class WorkbenchEntryPoint implements EntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchEntryPoint.class);

    private final ViewBook views;
    private final Supplier<Authenticator> authenticator;

    /** @param authenticator supplies {@code null} while no authentication service runs; signing in then says so */
    WorkbenchEntryPoint(ViewBook views, Supplier<Authenticator> authenticator) {
        this.views = views;
        this.authenticator = authenticator;
    }

    @Override
    public int createUI() {
        Display display = new Display();
        Shell shell = new Shell(display, SWT.NO_TRIM);
        shell.setMaximized(true);
        shell.setLayout(new GridLayout(1, false));

        Composite headerRow = new Composite(shell, SWT.NONE);
        headerRow.setLayout(new GridLayout(2, false));
        headerRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Label header = new Label(headerRow, SWT.NONE);
        header.setText("DataSTaMP workbench");
        FontData headerFont = header.getFont().getFontData()[0];
        header.setFont(new Font(display, headerFont.getName(), 16, SWT.BOLD));
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        TabFolder folder = new TabFolder(shell, SWT.TOP);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        WorkbenchWindow window = new WorkbenchWindow(folder);
        SessionViewContext shellContext = new SessionViewContext(shell);
        shellContext.setTestId(folder, "workbench-views");
        new AccountBar(headerRow, shellContext, new SessionUser(RWT.getUISession()), authenticator, window::reopenAll)
                .build().setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        ServerPushSession push = new ServerPushSession();
        push.start();
        AutoCloseable subscription = views.subscribe(() -> updateLater(display, window));
        shell.addDisposeListener(event -> {
            closeQuietly(subscription);
            push.stop();
        });
        window.show(views.views());
        shell.open();
        return 0;
    }

    private void updateLater(Display display, WorkbenchWindow window) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> window.show(views.views()));
        } catch (SWTException e) {
            // The session ended meanwhile; its dispose listener is about to unsubscribe.
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
        }
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("Could not unsubscribe a closed workbench session from view changes", e);
        }
    }
}
