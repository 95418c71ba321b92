package org.datastamp.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts the servlet API to a resource that turns a request into an {@link Answer}; anonymous, GET and HEAD only. */
abstract class PortalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalServlet.class);

    /**
     * @param path       the path after the servlet's pattern ({@code ""} for none), decoded
     * @param parameters the query parameters, first value of each, and (OAI-PMH) form parameters
     * @param accept     the Accept header, empty if none
     */
    abstract Answer answer(String path, Map<String, String[]> parameters, String accept);

    /** Methods besides GET/HEAD this resource answers (OAI-PMH allows POST). */
    boolean allowsPost() {
        return false;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        Answer answer;
        if (!"GET".equals(method) && !head && !("POST".equals(method) && allowsPost())) {
            answer = new Answer(405, "text/plain; charset=utf-8", method + " is not answered here\n",
                    Map.of("Allow", allowsPost() ? "GET, HEAD, POST" : "GET, HEAD"));
        } else {
            try {
                answer = answer(request.getPathInfo() == null ? "" : request.getPathInfo(),
                        new LinkedHashMap<>(request.getParameterMap()),
                        request.getHeader("Accept") == null ? "" : request.getHeader("Accept"));
            } catch (RuntimeException e) {
                LOG.error("{} {} failed unexpectedly", method, request.getRequestURI(), e);
                answer = Answer.of(500, "text/plain; charset=utf-8", "Internal error: " + e + "\n");
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setHeader("Vary", "Accept");
        answer.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }
}
