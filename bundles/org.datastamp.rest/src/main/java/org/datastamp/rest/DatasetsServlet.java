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
 * Serves {@link DatasetsResource}, and the dataset downloads of {@link Downloads} ({@code /{id}/download},
 * {@code /{id}/files/...}, {@code /{id}/usage}) from the storage tiers; answers 503 while the catalogue or the search
 * service is missing.
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

    private final transient DatasetsResource resource = new DatasetsResource(() -> catalog, () -> search,
            () -> directory, codec);

    private final transient List<StorageBackend> storage = new CopyOnWriteArrayList<>();

    private transient Downloads downloads;

    @Activate
    void activate(BundleContext context) {
        DataDirectory data = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY));
        downloads = new Downloads(() -> catalog, new DatasetFiles(() -> List.copyOf(storage)),
                new DownloadLog(data.root().resolve("downloads")), Downloads.defaultLevel(), Clock.systemUTC());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStorage(StorageBackend backend) {
        storage.add(backend);
    }

    void removeStorage(StorageBackend backend) {
        storage.remove(backend);
    }

    @Override
    boolean stream(ApiRequest request, HttpServletRequest raw, HttpServletResponse response, boolean head)
            throws ProblemException, IOException {
        if (!Downloads.handles(request)) {
            return false;
        }
        downloads.serve(request, raw.getHeader("Range"), head, new Downloads.Sink() {
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
        });
        return true;
    }

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
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
