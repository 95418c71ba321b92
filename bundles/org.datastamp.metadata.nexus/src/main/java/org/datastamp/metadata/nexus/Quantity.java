package org.datastamp.metadata.nexus;

/**
 * A metadata name a definition expects and its dimension.
 *
 * @param name      the recorded metadata name, e.g. {@code sample_detector_distance}
 * @param dimension what it measures, for messages, e.g. {@code a length}
 * @param example   a unit of that dimension, e.g. {@code mm}; a recorded unit fits when it converts to the same
 *                  system unit
 */
record Quantity(String name, String dimension, String example) {

    static Quantity length(String name) {
        return new Quantity(name, "a length", "m");
    }

    static Quantity energy(String name) {
        return new Quantity(name, "an energy", "eV");
    }

    static Quantity angle(String name) {
        return new Quantity(name, "an angle", "deg");
    }
}
