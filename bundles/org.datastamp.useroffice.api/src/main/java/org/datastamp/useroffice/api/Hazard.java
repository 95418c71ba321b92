package org.datastamp.useroffice.api;

/** How hazardous a sample is, for the staff handling it. */
public enum Hazard {
    NONE, LOW, MEDIUM, HIGH
}
