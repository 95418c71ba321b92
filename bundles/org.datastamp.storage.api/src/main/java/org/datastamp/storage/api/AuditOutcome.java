package org.datastamp.storage.api;

/** What a fixity audit found, or did, for one copy of an object. */
public enum AuditOutcome {
    /** The copy's size and checksums match the record. */
    OK,
    /** The copy exists but its bytes differ from the record. */
    CORRUPT,
    /** The tier that should hold a copy has none. */
    MISSING,
    /** The copy could not be read now (offline on tape, tier unreachable); it was not judged. */
    UNREADABLE,
    /** A corrupt or missing copy was rewritten from a good copy on another tier and verified. */
    REPAIRED,
    /** A corrupt or missing copy could not be repaired: no good copy exists, or the rewrite failed. */
    REPAIR_FAILED
}
