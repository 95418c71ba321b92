package org.datastamp.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;

import org.datastamp.catalog.api.Viewer;

/**
 * A browser's file upload ({@code multipart/form-data}) as the resources see an upload sent as a raw body: the file
 * part's bytes are the body, its content type the request's, and its file name the {@code name} query parameter
 * unless the URL names one. The container parses the parts (servlets that take uploads enable it with
 * {@code @HttpWhiteboardServletMultipart}); a servlet without it answers 415.
 */
final class MultipartBody {

    private MultipartBody() {
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static ApiRequest request(HttpServletRequest request, String resourcePath, Viewer viewer)
            throws IOException, ProblemException {
        Part file = filePart(request);
        Map<String, String> query = new LinkedHashMap<>(QueryString.parse(request.getQueryString()));
        query.putIfAbsent("name", file.getSubmittedFileName());
        try (InputStream in = file.getInputStream()) {
            return new ApiRequest("POST", request.getPathInfo(), resourcePath, query, in.readAllBytes(), viewer,
                    file.getContentType());
        }
    }

    private static Part filePart(HttpServletRequest request) throws IOException, ProblemException {
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank()) {
                    return part;
                }
            }
        } catch (IllegalStateException e) {
            // no multipart configuration on this servlet, or a part larger than it allows
            throw new ProblemException(new Problem(415, "Unsupported Media Type", request.getRequestURI()
                    + " does not take this multipart/form-data body (" + e.getMessage() + "); send the file as the"
                    + " raw request body with its Content-Type instead"), e);
        } catch (ServletException e) {
            throw new ProblemException(Problem.badRequest("Malformed multipart/form-data body: " + e.getMessage()), e);
        }
        throw new ProblemException(Problem.badRequest("The multipart/form-data body has no file part; send the file"
                + " in a part with a filename").with("field", "file"));
    }
}
