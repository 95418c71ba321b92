package org.datastamp.metadata.api;

/** A metadata configuration could not be read, saved or restored; the message says which and why. */
public class MetadataConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public MetadataConfigurationException(String message) {
        super(message);
    }

    public MetadataConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
