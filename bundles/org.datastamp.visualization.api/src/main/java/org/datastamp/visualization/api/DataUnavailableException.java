package org.datastamp.visualization.api;

/**
 * The data exists but cannot be read now: no running storage tier can read it in place, or storage failed. A REST
 * API answers 503 with the message.
 *
 * @since 1.2
 */
public class DataUnavailableException extends VisualizationException {

    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
