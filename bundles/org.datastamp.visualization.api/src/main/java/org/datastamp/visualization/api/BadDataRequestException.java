package org.datastamp.visualization.api;

/**
 * The request cannot be answered as asked: a slice out of bounds or of the wrong rank, non-numeric data, an unknown
 * colormap. The message says what to change (a REST API answers 400 with it).
 */
public class BadDataRequestException extends VisualizationException {

    private static final long serialVersionUID = 1L;

    public BadDataRequestException(String message) {
        super(message);
    }
}
