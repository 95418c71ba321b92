package org.datastamp.doi.api;

/** What a date of published data means (the DataCite dateType values used by this platform). */
public enum DateType {
    /** When the data were collected (acquisition start/end as a range). */
    COLLECTED("Collected"),
    /** When the data were made available. */
    AVAILABLE("Available"),
    /** When the data were created. */
    CREATED("Created"),
    /** When the metadata were last updated. */
    UPDATED("Updated");

    private final String dataCiteName;

    DateType(String dataCiteName) {
        this.dataCiteName = dataCiteName;
    }

    /** The value as DataCite's controlled list spells it. */
    public String dataCiteName() {
        return dataCiteName;
    }
}
