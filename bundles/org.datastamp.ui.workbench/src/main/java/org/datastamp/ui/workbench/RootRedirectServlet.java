package org.datastamp.ui.workbench;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Sends a browser opening the server root to the workbench. Registered as the whiteboard's default servlet, it
 * answers only what no other servlet maps: the root is redirected, any other path is a plain 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class RootRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect(request.getContextPath() + WorkbenchApplication.ENTRY_POINT);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
