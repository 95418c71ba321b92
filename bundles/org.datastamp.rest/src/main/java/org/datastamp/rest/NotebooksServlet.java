package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.analytics.api.NotebookLauncher;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link NotebooksResource}; answers 503 while no notebook launcher (e.g. JupyterHub) is configured. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-notebooks")
@HttpWhiteboardServletPattern({"/api/v1/notebooks/*", "/api/notebooks/*"})
public class NotebooksServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile NotebookLauncher launcher;

    private final transient NotebooksResource resource = new NotebooksResource(() -> launcher);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
