package org.datastamp.ui.workbench;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Sends a browser opening the server root to the workbench. The pattern is the servlet specification's empty
 * string, which maps the context root only: a default servlet ({@code "/"}) would also shadow the workbench, which
 * RAP registers through the HttpService, because Felix HTTP consults the whiteboard's default context first.
 * (Declared as a plain property: the component property type would write an empty element, which SCR reads as an
 * empty array.) Like every servlet of ours it carries a whiteboard name: Pax Web 8 names unnamed servlets after
 * their interface, so a second one would collide with the first.
 */
@Component(service = Servlet.class, property = {HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=datastamp-root-redirect"})
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
