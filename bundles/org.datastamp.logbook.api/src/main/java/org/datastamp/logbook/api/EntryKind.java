package org.datastamp.logbook.api;

/** What an entry is. */
public enum EntryKind {
    /** A note on the session. */
    NOTE,
    /** A comment on one scan. */
    COMMENT
}
