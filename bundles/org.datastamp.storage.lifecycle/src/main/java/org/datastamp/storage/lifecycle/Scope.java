package org.datastamp.storage.lifecycle;

import java.util.Objects;

import org.datastamp.catalog.api.Dataset;

/**
 * Which datasets a policy is for: all, one instrument's or one proposal's.
 *
 * @param kind  what is matched
 * @param value the instrument or proposal id; empty for {@link Kind#ALL}
 */
record Scope(Kind kind, String value) {

    enum Kind {
        ALL, INSTRUMENT, PROPOSAL
    }

    Scope {
        Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value;
    }

    static Scope all() {
        return new Scope(Kind.ALL, "");
    }

    boolean matches(Dataset dataset) {
        return switch (kind) {
            case ALL -> true;
            case INSTRUMENT -> dataset.content().instrument().equals(value);
            case PROPOSAL -> dataset.content().proposalId().equals(value);
        };
    }

    /** Higher wins when several policies match a dataset: a proposal's over an instrument's over the default. */
    int specificity() {
        return kind.ordinal();
    }

    @Override
    public String toString() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }
}
