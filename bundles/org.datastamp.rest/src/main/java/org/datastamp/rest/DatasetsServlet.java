package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.catalog.api.Catalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves {@link DatasetsResource} from the highest-ranked catalogue; answers 503 while there is none. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-datasets")
@HttpWhiteboardServletPattern("/api/datasets/*")
public class DatasetsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Catalog catalog;

    private final transient DatasetsResource resource = new DatasetsResource(() -> catalog);

    @Override
    ApiResponse handle(ApiRequest request) throws ProblemException {
        return resource.handle(request);
    }
}
