package org.datastamp.rest;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.UnknownUnitException;

/** The one mapping of catalogue exceptions to problems, shared by every resource that calls the catalogue. */
final class CatalogErrors {

    private CatalogErrors() {
    }

    /**
     * @param service which service failed, e.g. {@code The catalogue 'jdbc-catalog'}, for the 500 detail
     */
    static ProblemException problem(String service, CatalogException e) {
        if (e instanceof QuerySyntaxException syntax) {
            return new ProblemException(Problem.badRequest(syntax.getMessage())
                    .with("position", syntax.position()).with("reason", syntax.reason()), e);
        }
        if (e instanceof InvalidInputException invalid) {
            return new ProblemException(Problem.badRequest(invalid.getMessage()).with("field", invalid.field()), e);
        }
        if (e instanceof UnknownUnitException unit) {
            return new ProblemException(Problem.badRequest(unit.getMessage()).with("unit", unit.unit()), e);
        }
        if (e instanceof ConflictException) {
            return new ProblemException(Problem.conflict(e.getMessage()), e);
        }
        return new ProblemException(Problem.internalError(service + " failed: " + e.getMessage()), e);
    }
}
