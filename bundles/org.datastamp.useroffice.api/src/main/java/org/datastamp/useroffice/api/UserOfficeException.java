package org.datastamp.useroffice.api;

/** The user office could not complete an operation; nothing was half-written. */
public class UserOfficeException extends Exception {

    private static final long serialVersionUID = 1L;

    public UserOfficeException(String message) {
        super(message);
    }

    public UserOfficeException(String message, Throwable cause) {
        super(message, cause);
    }
}
