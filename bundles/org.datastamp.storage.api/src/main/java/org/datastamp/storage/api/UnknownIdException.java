package org.datastamp.storage.api;

/**
 * A request named something the storage service does not know: a dataset id, a recall ticket or a policy. The
 * message names it; REST answers 404.
 */
public class UnknownIdException extends StorageException {

    private static final long serialVersionUID = 1L;

    public UnknownIdException(String message) {
        super(message);
    }
}
