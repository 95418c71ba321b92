package org.datastamp.storage.api;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What the catalogue registered in one calendar month (UTC), for the growth in a {@link PlanningReport}.
 *
 * @param month    the month
 * @param datasets datasets registered in it
 * @param bytes    bytes of their files
 */
public record MonthlyIngest(YearMonth month, long datasets, long bytes) {

    public MonthlyIngest {
        Objects.requireNonNull(month, "month");
        if (datasets < 0 || bytes < 0) {
            throw new IllegalArgumentException("Ingest of " + month + " cannot be negative");
        }
    }
}
