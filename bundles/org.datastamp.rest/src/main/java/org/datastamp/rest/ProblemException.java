package org.datastamp.rest;

import java.util.Map;

/** Ends a request with a problem response; thrown by parsing and resources, turned into JSON by the servlet. */
final class ProblemException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.status() + " " + problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    ProblemException(Problem problem, Throwable cause) {
        super(problem.status() + " " + problem.detail(), cause);
        this.problem = problem;
        this.headers = Map.of();
    }

    Problem problem() {
        return problem;
    }

    ApiResponse response() {
        return ApiResponse.problem(problem, headers);
    }
}
