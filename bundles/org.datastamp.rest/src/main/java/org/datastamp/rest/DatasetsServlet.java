package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.VisualizerRegistry;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.storage.api.StorageLifecycle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves {@link DatasetsResource}, and {@link DatasetFilesResource} for {@code {id}/files/...} (one servlet, since
 * the whiteboard matches {@code /api/v1/datasets/*} as a whole); answers 503 while a service it needs is missing.
 */
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
    private transient volatile DataFileReader fileReader;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ArrayRenderer renderer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile VisualizerRegistry visualizers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DatasetFileLocator locator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StorageLifecycle lifecycle;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile StorageCopies copies;

    private final transient DatasetsResource resource = new DatasetsResource(() -> catalog, () -> search,
            () -> directory, codec);

    private final transient DatasetFilesResource files = new DatasetFilesResource(() -> catalog, () -> fileReader,
            () -> renderer, () -> visualizers, () -> locator);

    /** Recall and copies of datasets (issue 5). */
    private final transient StorageResource storage = new StorageResource(() -> lifecycle, () -> copies,
            () -> catalog, codec);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        if (StorageResource.handlesDatasetPath(request)) {
            return storage.handleDatasets(request);
        }
        return DatasetFilesResource.handles(request) ? files.handle(request) : resource.handle(request);
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
