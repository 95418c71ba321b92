package org.datastamp.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DataSubsetWriter;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.VisualizerRegistry;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.storage.api.StorageLifecycle;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.storage.api.StorageBackend;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves {@link DatasetsResource}; {@link DatasetFilesResource} for {@code {id}/files/{path}/tree} and
 * {@code .../data} (one servlet, since the whiteboard matches {@code /api/v1/datasets/*} as a whole); partial HDF5
 * downloads ({@code .../subset}, {@link Hdf5Subsets}); the dataset
 * downloads of {@link Downloads} ({@code /{id}/download}, other {@code /{id}/files/...}, {@code /{id}/usage}) from the
 * storage tiers; and recall and copies through {@link StorageResource}. Answers 503 while a service it needs is
 * missing.
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
    private transient volatile DataSubsetWriter subsetWriter;

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

    /** Storage tiers the downloads read from. */
    private final transient List<StorageBackend> backends = new CopyOnWriteArrayList<>();

    private transient Downloads downloads;

    /** Partial HDF5 downloads, {@code {id}/files/{path}/subset}. */
    private transient Hdf5Subsets subsets;

    @Activate
    void activate(BundleContext context) throws IOException {
        DataDirectory data = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY));
        DownloadLog log = new DownloadLog(data.root().resolve("downloads"));
        downloads = new Downloads(() -> catalog, new DatasetFiles(() -> List.copyOf(backends)), log,
                Downloads.defaultLevel(), Clock.systemUTC());
        subsets = new Hdf5Subsets(() -> catalog, () -> subsetWriter, () -> locator, log,
                data.root().resolve("downloads/subsets"), Clock.systemUTC());
        subsets.clearScratch();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStorage(StorageBackend backend) {
        backends.add(backend);
    }

    void removeStorage(StorageBackend backend) {
        backends.remove(backend);
    }

    @Override
    boolean stream(ApiRequest request, HttpServletRequest raw, HttpServletResponse response, boolean head)
            throws ProblemException, IOException {
        // {id}/files/{path}/tree and /data are views of a file (DatasetFilesResource), /subset a partial HDF5
        // download (Hdf5Subsets), other file paths downloads of the file
        if (!Downloads.handles(request) || DatasetFilesResource.handles(request)) {
            return false;
        }
        Downloads.Sink sink = new Downloads.Sink() {
            @Override
            public void status(int status) {
                response.setStatus(status);
            }

            @Override
            public void header(String name, String value) {
                response.setHeader(name, value);
            }

            @Override
            public OutputStream body() throws IOException {
                return response.getOutputStream();
            }
        };
        if (Hdf5Subsets.handles(request)) {
            subsets.serve(request, head, sink);
        } else {
            downloads.serve(request, QueryString.all(raw.getQueryString(), "file"), raw.getHeader("Range"), head,
                    sink);
        }
        return true;
    }

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
