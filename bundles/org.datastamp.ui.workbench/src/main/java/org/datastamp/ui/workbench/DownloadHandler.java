package org.datastamp.ui.workbench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.rap.rwt.RWT;
import org.eclipse.rap.rwt.service.ServiceHandler;

/**
 * Serves the files views offer ({@link Downloads}) at {@code ?servicehandler=datastamp-download&cid=...&token=...}.
 * RAP runs a service handler in the browser session named by {@code cid}, so the token is looked up in that
 * session only. A file is served once, as an attachment that the browser saves instead of showing (so an exported
 * HTML page is never rendered in the workbench's origin).
 */
final class DownloadHandler implements ServiceHandler {

    static final String ID = "datastamp-download";
    static final String TOKEN = "token";

    @Override
    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Downloads.Download> download = Downloads.of(RWT.getUISession()).take(request.getParameter(TOKEN));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (download.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("This download was fetched already or has expired; export it again.");
            return;
        }
        Downloads.Download file = download.get();
        response.setContentType(file.mediaType());
        response.setHeader("Content-Disposition", Downloads.disposition(file.fileName()));
        response.setContentLength(file.content().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(file.content());
        }
    }
}
