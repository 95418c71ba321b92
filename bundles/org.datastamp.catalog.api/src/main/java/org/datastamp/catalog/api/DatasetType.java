package org.datastamp.catalog.api;

/** Whether a dataset came from an instrument or from processing other datasets. */
public enum DatasetType {
    RAW, DERIVED
}
