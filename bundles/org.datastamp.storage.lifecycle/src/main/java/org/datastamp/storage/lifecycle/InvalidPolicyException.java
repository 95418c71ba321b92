package org.datastamp.storage.lifecycle;

/** A policy configuration that cannot be used; the message names the policy, the key and what to write instead. */
final class InvalidPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidPolicyException(String message) {
        super(message);
    }
}
