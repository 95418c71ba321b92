package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.storage.api.StorageLifecycle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link DatasetsResource}; answers 503 while the catalogue or the search service is missing. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-datasets")
@HttpWhiteboardServletPattern("/api/v1/datasets/*")
public class DatasetsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** Batches of a few thousand datasets with their file lists fit; larger ones are split by the client. */
    static final int MAX_BATCH_BYTES = 32 * 1024 * 1024;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DatasetSearch search;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StorageLifecycle lifecycle;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StorageCopies copies;

    private final transient DatasetsResource resource = new DatasetsResource(() -> catalog, () -> search,
            () -> directory, codec);

    /** Recall and copies of datasets (issue 5). */
    private final transient StorageResource storage = new StorageResource(() -> lifecycle, () -> copies,
            () -> catalog, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        if (StorageResource.handlesDatasetPath(request)) {
            return storage.handleDatasets(request);
        }
        return resource.handle(request);
    }

    @Override
    ApiAuthentication authentication() {
        return authentication;
    }

    @Override
    int maxBodyBytes() {
        return MAX_BATCH_BYTES;
    }
}
