package org.datastamp.rest;

import java.util.function.Supplier;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.NotebookLauncher;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Opening datasets in notebooks under {@code /api/v1/notebooks}: {@code POST /{datasetId}} starts opening the dataset
 * in the caller's JupyterHub server and answers 202 with the session; {@code GET /{datasetId}} answers its latest
 * state (RECALLING, SPAWNING, READY with the notebook's URL, or FAILED with the reason).
 */
final class NotebooksResource {

    private final Supplier<NotebookLauncher> launcher;

    NotebooksResource(Supplier<NotebookLauncher> launcher) {
        this.launcher = launcher;
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        NotebookLauncher current = DatasetFilesResource.require(launcher.get(), "notebook launcher"
                + " (org.datastamp.analytics.jupyterhub, configured by etc/org.datastamp.analytics.jupyterhub.cfg)");
        String segment = request.itemSegment().orElseThrow(() -> new ProblemException(Problem.notFound(
                "Address a dataset: POST " + request.resourcePath() + "/{datasetId} opens it in a notebook, GET"
                        + " answers how far that got")));
        DatasetId id;
        try {
            id = new DatasetId(segment);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()), e);
        }
        request.requireMethod("GET", "POST");
        try {
            if (request.method().equals("POST")) {
                return ApiResponse.accepted(json(current.open(id, request.viewer())), request.itemPath(segment));
            }
            return ApiResponse.ok(json(current.status(id, request.viewer())));
        } catch (AnalysisException e) {
            throw problem(e, request.viewer());
        }
    }

    static ObjectNode json(NotebookSession session) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("dataset", session.dataset().value());
        json.put("user", session.user());
        json.put("state", session.state().name());
        json.put("progress", session.progress());
        json.put("notebookUrl", session.notebookUrl());
        json.put("message", session.message());
        return json;
    }

    private static ProblemException problem(AnalysisException e, Viewer viewer) {
        return switch (e.reason()) {
            case NOT_FOUND -> new ProblemException(Problem.notFound(e.getMessage()), e);
            // anonymous callers get a notebook by signing in; signed-in ones cannot
            case FORBIDDEN -> viewer.username().isEmpty() ? ApiAuthentication.unauthorized(e.getMessage())
                    : new ProblemException(Problem.forbidden(e.getMessage()), e);
            case INVALID -> new ProblemException(Problem.badRequest(e.getMessage()), e);
            case UNAVAILABLE -> new ProblemException(Problem.unavailable(e.getMessage()), e);
        };
    }
}
