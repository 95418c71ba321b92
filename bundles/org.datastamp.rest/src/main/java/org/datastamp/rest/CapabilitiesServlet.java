package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.core.api.CapabilityRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link CapabilitiesResource}; stays registered without a registry and answers 503 then. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-capabilities")
@HttpWhiteboardServletPattern({"/api/v1/capabilities", "/api/capabilities"})
public class CapabilitiesServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile CapabilityRegistry registry;

    private final transient CapabilitiesResource resource = new CapabilitiesResource(() -> registry);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
