package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.StorageLifecycle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the recall tickets ({@code /api/v1/recalls/*}) and the lifecycle policies and the planning report ({@code /api/v1/storage/*}) of
 * {@link StorageResource}; the dataset paths ({@code /recall}, {@code /{id}/copies}) come through
 * {@link DatasetsServlet}. Answers 503 while the lifecycle service is missing.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-storage")
@HttpWhiteboardServletPattern({"/api/v1/recalls/*", "/api/v1/storage/*"})
public class StorageServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StorageLifecycle lifecycle;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StorageCopies copies;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile CapacityPlanning planning;

    private final transient StorageResource resource = new StorageResource(() -> lifecycle, () -> copies,
            () -> catalog, () -> planning, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return request.resourcePath().endsWith("/recalls") ? resource.handleRecalls(request)
                : resource.handleStorage(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }
}
