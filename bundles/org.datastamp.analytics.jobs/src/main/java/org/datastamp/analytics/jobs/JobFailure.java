package org.datastamp.analytics.jobs;

/** A job cannot go on; the message, recorded on the job, says why in terms its submitter can act on. */
final class JobFailure extends Exception {

    private static final long serialVersionUID = 1L;

    JobFailure(String message) {
        super(message);
    }

    JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
