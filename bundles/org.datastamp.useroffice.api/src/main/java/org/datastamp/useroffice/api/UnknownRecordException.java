package org.datastamp.useroffice.api;

/** No such allocation, sample or shipment, or none the viewer may see. */
public class UnknownRecordException extends UserOfficeException {

    private static final long serialVersionUID = 1L;

    public UnknownRecordException(String message) {
        super(message);
    }

    public UnknownRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
