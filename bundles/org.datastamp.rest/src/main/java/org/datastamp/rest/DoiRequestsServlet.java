package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.doi.api.DoiMinting;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link DoiRequestsResource}; answers 503 while the minting service is missing. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-doi-requests")
@HttpWhiteboardServletPattern("/api/v1/doi-requests/*")
public class DoiRequestsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DoiMinting minting;

    private final transient DoiRequestsResource resource = new DoiRequestsResource(() -> minting, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
