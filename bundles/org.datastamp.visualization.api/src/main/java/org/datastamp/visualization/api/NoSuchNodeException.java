package org.datastamp.visualization.api;

/** The file has no object at the requested path (a REST API answers 404). */
public class NoSuchNodeException extends VisualizationException {

    private static final long serialVersionUID = 1L;

    public NoSuchNodeException(String message) {
        super(message);
    }
}
