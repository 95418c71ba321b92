package org.datastamp.visualization.api;

/** Reading or rendering failed for a reason the caller cannot fix (an unreadable file, a missing library). */
public class VisualizationException extends Exception {

    private static final long serialVersionUID = 1L;

    public VisualizationException(String message) {
        super(message);
    }

    public VisualizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
