package org.datastamp.catalog.api;

/** What a person may do beyond their own proposals. */
public enum Role {
    /** A facility user: sees the datasets of proposals they belong to. */
    SCIENTIST,
    /** Staff of one or more instruments: sees every dataset taken on them. */
    BEAMLINE_STAFF,
    /** Sees and curates every dataset. */
    CURATOR,
    /** Runs the platform; sees every dataset. */
    ADMIN
}
