package org.datastamp.rest;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.AccessDeniedException;
import org.datastamp.logbook.api.InvalidEntryException;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.api.NotFoundException;
import org.datastamp.logbook.api.StaleVersionException;

/** The one mapping of logbook exceptions to problems. */
final class LogbookErrors {

    private LogbookErrors() {
    }

    static ProblemException problem(LogbookException e, Viewer viewer) {
        if (e instanceof NotFoundException) {
            return new ProblemException(Problem.notFound(e.getMessage()), e);
        }
        if (e instanceof AccessDeniedException) {
            // anonymous callers may become writers by signing in; signed-in readers cannot
            return viewer.username().isEmpty() ? ApiAuthentication.unauthorized(e.getMessage())
                    : new ProblemException(Problem.forbidden(e.getMessage()), e);
        }
        if (e instanceof InvalidEntryException invalid) {
            return new ProblemException(Problem.badRequest(e.getMessage()).with("field", invalid.field()), e);
        }
        if (e instanceof StaleVersionException) {
            return new ProblemException(Problem.conflict(e.getMessage()), e);
        }
        return new ProblemException(Problem.internalError("The logbook failed: " + e.getMessage()), e);
    }
}
