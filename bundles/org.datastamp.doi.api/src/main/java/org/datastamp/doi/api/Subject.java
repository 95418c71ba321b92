package org.datastamp.doi.api;

/**
 * A subject, keyword or classification of published data.
 *
 * @param value    the subject, e.g. {@code small angle x-ray scattering}
 * @param scheme   the vocabulary it comes from (e.g. {@code PaNET}), empty for a free keyword
 * @param valueUri the term's URI in that vocabulary, empty if none
 */
public record Subject(String value, String scheme, String valueUri) {

    public Subject {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A subject needs a value");
        }
        scheme = scheme == null ? "" : scheme;
        valueUri = valueUri == null ? "" : valueUri;
    }

    /** A free keyword. */
    public static Subject keyword(String value) {
        return new Subject(value, "", "");
    }
}
