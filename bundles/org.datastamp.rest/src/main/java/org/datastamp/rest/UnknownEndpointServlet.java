package org.datastamp.rest;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Answers any other path under {@code /api} with a 404 problem listing the endpoints, rather than the
 * container's HTML page; the more specific patterns of the other servlets win over this one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-unknown")
@HttpWhiteboardServletPattern("/api/*")
public class UnknownEndpointServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        throw new ProblemException(Problem.notFound("No API endpoint at " + request.resourcePath() + request.path()
                + "; the API serves /api/v1/datasets, /api/v1/instruments, /api/v1/proposals, /api/v1/me,"
                + " /api/v1/capabilities and /api/v1/scans"));
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
