package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.analytics.api.Provenance;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link AnalyticsResource}; answers 503 while the job or provenance service is missing. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-analytics")
@HttpWhiteboardServletPattern({"/api/v1/analytics/*", "/api/analytics/*"})
public class AnalyticsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AnalysisJobs jobs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Provenance provenance;

    private final transient AnalyticsResource resource = new AnalyticsResource(() -> jobs, () -> provenance, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
