package org.datastamp.detector.dectris;

/** A stream message that cannot be used; the series goes on without it. */
final class StreamMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Problem problem;

    StreamMessageException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    StreamMessageException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
