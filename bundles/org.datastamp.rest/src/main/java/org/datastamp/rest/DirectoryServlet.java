package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves {@link DirectoryResource}, and {@link MetadataConfigurationResource} under
 * {@code /api/v1/instruments/{id}/metadata-configuration}; each answers 503 while its service is not registered.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-directory")
@HttpWhiteboardServletPattern({"/api/v1/instruments/*", "/api/v1/proposals/*", "/api/v1/me/*",
        "/api/v1/persons/*", "/api/v1/sessions/*", "/api/v1/samples/*"})
public class DirectoryServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MetadataConfigurations metadataConfigurations;

    private final transient DirectoryResource resource = new DirectoryResource(() -> directory, codec);

    private final transient MetadataConfigurationResource metadata = new MetadataConfigurationResource(
            () -> metadataConfigurations, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        // Servlet patterns cannot name /instruments/*/metadata-configuration: the instruments servlet hands it on
        if (request.resourcePath().endsWith(DirectoryResource.INSTRUMENTS) && MetadataConfigurationResource.handles(request)) {
            return metadata.handle(request);
        }
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
