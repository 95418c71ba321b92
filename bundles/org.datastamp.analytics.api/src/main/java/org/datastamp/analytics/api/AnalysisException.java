package org.datastamp.analytics.api;

/** A request to the analytics services failed; {@link #reason()} tells the REST layer which status to answer. */
public class AnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why it failed. */
    public enum Reason {
        /** No such job, plugin or dataset (or the viewer may not see it). */
        NOT_FOUND,
        /** The viewer may see it but not do this. */
        FORBIDDEN,
        /** The request is malformed or does not suit the plugin. */
        INVALID,
        /** A service it needs (catalogue, storage, JupyterHub) is unavailable or failed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AnalysisException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AnalysisException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
