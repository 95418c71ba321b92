package org.datastamp.metadata.api;

/** A revision id names no revision (of that instrument's configuration); REST answers 404. */
public class UnknownRevisionException extends MetadataConfigurationException {
    private static final long serialVersionUID = 1L;

    public UnknownRevisionException(String message) {
        super(message);
    }
}
