package org.datastamp.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.datastamp.catalog.api.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the servlet API to a resource's {@link #handle(ApiRequest)}: establishes who sent the request (through
 * {@link ApiAuthentication}), reads the request, writes the JSON answer, and turns every failure into an RFC 9457
 * problem document, so clients never see a container's HTML error page.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Request bodies are small JSON objects; anything larger is refused before it is read whole. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    final transient JsonCodec codec = new JsonCodec();

    abstract ApiResponse handle(ApiRequest request) throws ProblemException;

    /** The servlet's (mandatory) reference to the one authentication service. */
    abstract ApiAuthentication authentication();

    /**
     * Lets a resource answer with a byte stream (downloads) instead of a JSON document. Called with the
     * authenticated request before {@link #handle}; the default streams nothing.
     *
     * @return true when the response has been written
     * @throws ProblemException before any status or header was set, to answer with a problem document instead
     * @throws IOException      when the stream broke off (the client left, storage failed); the response is cut short
     */
    boolean stream(ApiRequest request, HttpServletRequest raw, HttpServletResponse response, boolean head)
            throws ProblemException, IOException {
        return false;
    }

    /** The largest request body this resource reads; resources taking batches allow more. */
    int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String resourcePath = request.getContextPath() + request.getServletPath();
        // HEAD is a GET without the body (RFC 9110), answered by the same resource code.
        boolean head = "HEAD".equals(request.getMethod());
        ApiResponse answer;
        try {
            Viewer viewer = authentication().viewer(request.getHeader("Authorization"));
            ApiRequest apiRequest = MultipartBody.isMultipart(request) ? MultipartBody.request(request, resourcePath, viewer)
                    : new ApiRequest(head ? "GET" : request.getMethod(), request.getPathInfo(), resourcePath,
                            QueryString.parse(request.getQueryString()), readBody(request, maxBodyBytes()), viewer,
                            request.getContentType());
            if (stream(apiRequest, request, response, head)) {
                return;
            }
            answer = handle(apiRequest);
        } catch (ProblemException e) {
            answer = e.response();
            if (answer.status() >= 500) {
                LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), answer.status(),
                        e.problem().detail(), e.getCause());
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
            answer = ApiResponse.problem(Problem.internalError("Unexpected failure: " + e), Map.of());
        }
        write(answer, response, !head);
    }

    static byte[] readBody(HttpServletRequest request, int maxBytes) throws IOException, ProblemException {
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ProblemException(Problem.payloadTooLarge("The request body exceeds " + maxBytes
                        + " bytes"));
            }
            return body;
        }
    }

    private void write(ApiResponse answer, HttpServletResponse response, boolean withBody) throws IOException {
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        if (answer.bytes() == null) {
            response.setCharacterEncoding("UTF-8");
        }
        response.setHeader("Cache-Control", "no-store");
        answer.headers().forEach(response::setHeader);
        if (withBody && answer.bytes() != null) {
            response.setContentLength(answer.bytes().length);
            response.getOutputStream().write(answer.bytes());
        } else if (withBody) {
            codec.write(answer.body(), response.getOutputStream());
        }
    }
}
