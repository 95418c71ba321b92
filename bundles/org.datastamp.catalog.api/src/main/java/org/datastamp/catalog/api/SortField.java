package org.datastamp.catalog.api;

/** What search results can be ordered by. */
public enum SortField {
    RELEVANCE, START_TIME, TITLE, SIZE, INSTRUMENT
}
