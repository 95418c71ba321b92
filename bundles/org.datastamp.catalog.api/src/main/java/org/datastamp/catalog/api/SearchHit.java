package org.datastamp.catalog.api;

import java.time.Instant;

/**
 * One dataset found, with what a result table shows.
 *
 * @param id         dataset id
 * @param title      title
 * @param instrument instrument id
 * @param proposalId proposal id, empty if none
 * @param technique  technique, empty if unknown
 * @param startTime  acquisition start
 * @param size       total bytes
 * @param score      relevance score (0 when the query had no text terms)
 */
public record SearchHit(DatasetId id, String title, String instrument, String proposalId, String technique,
        Instant startTime, long size, float score) {
}
