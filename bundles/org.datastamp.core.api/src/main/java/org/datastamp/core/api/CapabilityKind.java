package org.datastamp.core.api;

/** The capability families the platform knows; each has its own API bundle and service interface. */
public enum CapabilityKind {
    DETECTOR,
    CONTROL_SYSTEM,
    STORAGE,
    VISUALIZER,
    DOI_PROVIDER,
    CATALOG
}
