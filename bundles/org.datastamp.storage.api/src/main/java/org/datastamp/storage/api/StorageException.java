package org.datastamp.storage.api;

/** A storage backend could not complete an operation; the message names the object and the backend. */
public class StorageException extends Exception {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
