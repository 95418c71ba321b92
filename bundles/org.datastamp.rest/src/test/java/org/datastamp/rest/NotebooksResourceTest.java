package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.NotebookLauncher;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.analytics.api.NotebookState;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class NotebooksResourceTest {

    static final String NOTEBOOKS = "/api/v1/notebooks";

    /** Opens ds-1 for members of P1; refuses as the JupyterHub launcher does. */
    private static final class FakeLauncher implements NotebookLauncher {

        volatile NotebookState state = NotebookState.SPAWNING;
        volatile AnalysisException refusal;

        @Override
        public NotebookSession open(DatasetId dataset, Viewer viewer) throws AnalysisException {
            return status(dataset, viewer);
        }

        @Override
        public NotebookSession status(DatasetId dataset, Viewer viewer) throws AnalysisException {
            if (refusal != null) {
                throw refusal;
            }
            if (viewer.username().isEmpty()) {
                throw new AnalysisException(Reason.FORBIDDEN, "Sign in to open a dataset in a notebook");
            }
            if (!dataset.value().equals("ds-1") || !viewer.proposals().contains("P1")) {
                throw new AnalysisException(Reason.NOT_FOUND, "No dataset " + dataset.value() + " that you may see");
            }
            return new NotebookSession(dataset, viewer.username(), state, state == NotebookState.READY ? 100 : 50,
                    state == NotebookState.READY ? "https://jupyter.example.org/user/pia/lab/tree/ds-1.ipynb" : "",
                    "Spawning server...");
        }
    }

    private final FakeLauncher launcher = new FakeLauncher();
    private final NotebooksResource resource = new NotebooksResource(() -> launcher);
    private final Viewer pia = Fakes.member("pia", "P1");

    @Test
    void postStartsOpeningAndAnswers202WithTheSession() throws ProblemException {
        ApiResponse answer = resource.handle(Requests.post(NOTEBOOKS, "/ds-1", "", pia));

        assertEquals(202, answer.status());
        assertEquals(NOTEBOOKS + "/ds-1", answer.headers().get("Location"));
        assertEquals("SPAWNING", answer.body().get("state").textValue());
        assertEquals("pia", answer.body().get("user").textValue());
        assertEquals(50, answer.body().get("progress").intValue());
        assertEquals("Spawning server...", answer.body().get("message").textValue());
    }

    @Test
    void getAnswersTheLatestStateWithTheNotebookUrl() throws ProblemException {
        launcher.state = NotebookState.READY;
        JsonNode session = resource.handle(Requests.get(NOTEBOOKS, "/ds-1", Map.of(), pia)).body();
        assertEquals("READY", session.get("state").textValue());
        assertEquals("https://jupyter.example.org/user/pia/lab/tree/ds-1.ipynb", session.get("notebookUrl").textValue());
    }

    @Test
    void refusalsMapToProblems() {
        assertProblem(404, "No dataset ds-2", () -> resource.handle(Requests.post(NOTEBOOKS, "/ds-2", "", pia)));
        assertProblem(401, "Sign in", () -> resource.handle(Requests.post(NOTEBOOKS, "/ds-1", "",
                Viewer.anonymous())));
        launcher.refusal = new AnalysisException(Reason.FORBIDDEN, "Not for guests");
        assertProblem(403, "Not for guests", () -> resource.handle(Requests.post(NOTEBOOKS, "/ds-1", "", pia)));
        launcher.refusal = new AnalysisException(Reason.INVALID, "Bad request");
        assertProblem(400, "Bad request", () -> resource.handle(Requests.post(NOTEBOOKS, "/ds-1", "", pia)));
        launcher.refusal = new AnalysisException(Reason.UNAVAILABLE, "The catalogue failed");
        assertProblem(503, "catalogue failed", () -> resource.handle(Requests.post(NOTEBOOKS, "/ds-1", "", pia)));
        assertProblem(400, "Invalid dataset id", () -> resource.handle(Requests.get(NOTEBOOKS, "/%20x", Map.of(), pia)));
        assertProblem(405, "answers GET, POST", () -> resource.handle(Requests.put(NOTEBOOKS, "/ds-1", "{}", pia)));
        assertProblem(404, "Address a dataset", () -> resource.handle(Requests.get(NOTEBOOKS, "", Map.of(), pia)));
    }

    @Test
    void withoutALauncherItAnswers503() {
        NotebooksResource none = new NotebooksResource(() -> null);
        assertProblem(503, "notebook launcher", () -> none.handle(Requests.post(NOTEBOOKS, "/ds-1", "", pia)));
    }
}
