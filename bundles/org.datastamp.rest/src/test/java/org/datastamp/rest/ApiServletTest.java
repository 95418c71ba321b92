package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The whole path of a request through a servlet: header, authentication, resource, JSON or problem answer. */
class ApiServletTest {

    private final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    private final Fakes.FakeSearch search = new Fakes.FakeSearch(catalog);
    private final Fakes.FakeDirectory directory = new Fakes.FakeDirectory();
    private final Fakes.FakeAuthenticator authenticator = new Fakes.FakeAuthenticator();
    private final ApiServlet servlet = new ApiServlet() {
        private static final long serialVersionUID = 1L;
        private final transient DatasetsResource resource = new DatasetsResource(() -> catalog, () -> search,
                () -> directory, codec);
        private final transient ApiAuthentication authentication = new ApiAuthentication(authenticator, directory);

        @Override
        ApiResponse handle(ApiRequest request) throws ProblemException {
            return resource.handle(request);
        }

        @Override
        ApiAuthentication authentication() {
            return authentication;
        }
    };

    @BeforeEach
    void usersAndData() {
        authenticator.passwords.put("ann", "annpass");
        authenticator.passwords.put("eve", "evepass");
        directory.viewers.put("ann", new Viewer("ann", Set.of("20240123"), Set.of(), false));
        directory.viewers.put("eve", new Viewer("eve", Set.of("20990001"), Set.of(), false));
        catalog.datasets.add(Fakes.dataset("ds-1", 1));
    }

    @Test
    void theMemberSignedInWithBasicSeesThePrivateDatasetAndTheOutsiderGets404() throws IOException {
        Answer ann = call("GET", "/ds-1", null, "Basic " + basic("ann:annpass"));
        Answer eve = call("GET", "/ds-1", null, "Basic " + basic("eve:evepass"));

        assertEquals(200, ann.status);
        assertEquals("ds-1", ann.json().get("id").textValue());
        assertEquals(404, eve.status);
        assertEquals("application/problem+json", eve.contentType);
    }

    @Test
    void searchRunsWithTheViewerOfTheSignedInUser() throws IOException {
        Answer eve = call("GET", "", "facets=instrument", "Basic " + basic("eve:evepass"));

        assertEquals(directory.viewer("eve"), search.lastViewer);
        assertEquals(0, eve.json().get("total").longValue());
        assertEquals(0, eve.json().get("facets").get("instrument").size());
        call("GET", "", null, null);
        assertEquals(Viewer.anonymous(), search.lastViewer);
    }

    @Test
    void wrongPasswordIs401WithChallengeEvenForPublicReads() throws IOException {
        Answer answer = call("GET", "", null, "Basic " + basic("ann:wrong"));

        assertEquals(401, answer.status);
        assertEquals("Basic realm=\"DataSTaMP\", Bearer", answer.headers.get("WWW-Authenticate"));
        assertEquals(401, answer.json().get("status").intValue());
    }

    @Test
    void queryErrorReachesTheClientWithPositionAndReason() throws IOException {
        Answer answer = call("GET", "", "q=size%20%3E%20!", null);

        assertEquals(400, answer.status);
        assertEquals(7, answer.json().get("position").intValue());
        assertEquals("unexpected '!'", answer.json().get("reason").textValue());
    }

    private Answer call(String method, String pathInfo, String query, String authorization) throws IOException {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/api/v1/datasets";
                    case "getPathInfo" -> pathInfo.isEmpty() ? null : pathInfo;
                    case "getQueryString" -> query;
                    case "getRequestURI" -> "/api/v1/datasets" + pathInfo;
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getInputStream" -> input(new byte[0]);
                    case "getContentType" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setCharacterEncoding" -> {
                            // UTF-8 is what the test reads
                        }
                        case "getOutputStream" -> {
                            return output(body);
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        servlet.service(request, response);
        answer.body = body.toString(StandardCharsets.UTF_8);
        return answer;
    }

    private static final class Answer {
        int status;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        String body;

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    private static ServletInputStream input(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static ServletOutputStream output(ByteArrayOutputStream out) {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static String basic(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
