package org.datastamp.rest;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.useroffice.api.ImportException;
import org.datastamp.useroffice.api.ImportProblem;
import org.datastamp.useroffice.api.InvalidRecordException;
import org.datastamp.useroffice.api.InvalidTransitionException;
import org.datastamp.useroffice.api.NotPermittedException;
import org.datastamp.useroffice.api.UnknownRecordException;
import org.datastamp.useroffice.api.UserOfficeException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one mapping of user-office exceptions to problems; a bad import lists every bad row with its line. */
final class UserOfficeErrors {

    private UserOfficeErrors() {
    }

    static ProblemException problem(UserOfficeException e, Viewer viewer) {
        if (e instanceof UnknownRecordException) {
            return new ProblemException(Problem.notFound(e.getMessage()), e);
        }
        if (e instanceof NotPermittedException) {
            return viewer.username().isEmpty() ? ApiAuthentication.unauthorized(e.getMessage())
                    : new ProblemException(Problem.forbidden(e.getMessage()), e);
        }
        if (e instanceof InvalidRecordException invalid) {
            return new ProblemException(Problem.badRequest(e.getMessage()).with("field", invalid.field()), e);
        }
        if (e instanceof InvalidTransitionException) {
            return new ProblemException(Problem.conflict(e.getMessage()), e);
        }
        if (e instanceof ImportException bad) {
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            for (ImportProblem p : bad.problems()) {
                ObjectNode row = rows.addObject();
                row.put("line", p.line());
                row.put("field", p.field());
                row.put("message", p.message());
            }
            return new ProblemException(Problem.badRequest(e.getMessage()).with("problems", rows), e);
        }
        return new ProblemException(Problem.internalError("The user office failed: " + e.getMessage()), e);
    }
}
