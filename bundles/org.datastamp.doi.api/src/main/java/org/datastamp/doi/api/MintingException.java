package org.datastamp.doi.api;

/** The minting workflow refused or could not complete a step; {@link #kind()} says which way, the message why. */
public class MintingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers (REST) can answer with the right status. */
    public enum Kind {
        /** The input is wrong: {@link MintingException#field()} names what. */
        INVALID,
        /** No such request, or the caller may not see it (or a dataset in it). */
        NOT_FOUND,
        /** The caller may see it but not do this (not a curator, not the datasets' owner). */
        FORBIDDEN,
        /** The request is not in a state that allows this step. */
        CONFLICT,
        /** A service the step needs (the configured DOI provider, the catalogue) is not there. */
        UNAVAILABLE,
        /** The DOI provider refused or failed; the request stays approved and can be retried. */
        PROVIDER_FAILED
    }

    private final Kind kind;
    private final String field;

    public MintingException(Kind kind, String message) {
        this(kind, "", message, null);
    }

    public MintingException(Kind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.field = field == null ? "" : field;
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault for {@link Kind#INVALID}, e.g. {@code datasets[1]}; empty otherwise. */
    public String field() {
        return field;
    }
}
