package org.datastamp.analytics.api;

/** The type of a plugin parameter's value. */
public enum ParameterKind {
    NUMBER, INTEGER, BOOLEAN, TEXT, CHOICE
}
