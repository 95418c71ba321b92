package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.core.api.CapabilityRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link ScansResource}; answers 503 while no scan service is registered. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-scans")
@HttpWhiteboardServletPattern({"/api/v1/scans/*", "/api/scans/*"})
public class ScansServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScanService scans;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile CapabilityRegistry registry;

    private final transient ScansResource resource = new ScansResource(() -> scans, () -> registry, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
