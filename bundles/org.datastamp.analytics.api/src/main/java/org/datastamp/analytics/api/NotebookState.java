package org.datastamp.analytics.api;

/** Where opening a notebook is. */
public enum NotebookState {
    /** The dataset's files are being recalled from tape first. */
    RECALLING,
    /** The hub is starting the user's server. */
    SPAWNING,
    /** The notebook can be opened at its URL. */
    READY,
    /** It failed; the message says why. */
    FAILED
}
