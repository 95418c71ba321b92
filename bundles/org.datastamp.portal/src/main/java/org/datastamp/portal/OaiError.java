package org.datastamp.portal;

/** An OAI-PMH error condition (protocol section 3.6): its code and a message for the harvester's operator. */
final class OaiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    OaiError(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    static OaiError badArgument(String message) {
        return new OaiError("badArgument", message);
    }
}
