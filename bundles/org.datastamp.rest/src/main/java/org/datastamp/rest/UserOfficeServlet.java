package org.datastamp.rest;

import javax.servlet.Servlet;

import org.datastamp.useroffice.api.UserOffice;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves {@link UserOfficeResource}; answers 503 while no user-office service runs. Import files come as raw bodies
 * (name in {@code ?name=}) or as multipart/form-data.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("datastamp-api-useroffice")
@HttpWhiteboardServletPattern("/api/v1/useroffice/*")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = UserOfficeServlet.MAX_IMPORT_BYTES)
public class UserOfficeServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** An import of a cycle's proposals, people and samples is a few megabytes at most. */
    static final int MAX_IMPORT_BYTES = 32 * 1024 * 1024;

    @Reference
    private transient ApiAuthentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile UserOffice userOffice;

    private final transient UserOfficeResource resource = new UserOfficeResource(() -> userOffice, codec);

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
        return MAX_IMPORT_BYTES;
    }
}
