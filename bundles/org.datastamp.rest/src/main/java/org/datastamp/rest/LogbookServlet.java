package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.logbook.api.Logbook;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves {@link LogbookResource}; answers 503 while no logbook service runs. Takes image uploads as raw bodies or as
 * multipart/form-data (parsed by the container).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-logbooks")
@HttpWhiteboardServletPattern("/api/v1/logbooks/*")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = LogbookServlet.MAX_UPLOAD_BYTES)
public class LogbookServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Above the logbook's own image limit (maxImageMegabytes, default 10) so that it, not the container, says what
     * the limit is; the service refuses larger images by their content.
     */
    static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Logbook logbook;

    private final transient LogbookResource resource = new LogbookResource(() -> logbook, codec);

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
        return MAX_UPLOAD_BYTES;
    }
}
