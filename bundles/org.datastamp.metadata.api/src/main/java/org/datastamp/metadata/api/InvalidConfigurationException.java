package org.datastamp.metadata.api;

/**
 * A configuration (as saved, or as a file in the repository) is wrong: a bad unit, limit or name, a duplicate name,
 * an unknown column. The message names the file or instrument, the line and the field of every problem; REST
 * answers 400.
 */
public class InvalidConfigurationException extends MetadataConfigurationException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
