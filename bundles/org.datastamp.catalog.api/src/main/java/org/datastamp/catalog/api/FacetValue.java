package org.datastamp.catalog.api;

/**
 * One value of a facet and how many visible hits have it.
 *
 * @param value e.g. {@code CoSAXS}
 * @param count hits with that value
 */
public record FacetValue(String value, long count) {
}
