package org.datastamp.doi.api;

/**
 * The licence of published data.
 *
 * @param name       e.g. {@code Creative Commons Attribution 4.0 International}
 * @param uri        e.g. {@code https://creativecommons.org/licenses/by/4.0/legalcode}, empty if none
 * @param identifier SPDX identifier, e.g. {@code CC-BY-4.0}, empty if none
 */
public record Rights(String name, String uri, String identifier) {

    public Rights {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Rights need a name");
        }
        uri = uri == null ? "" : uri;
        identifier = identifier == null ? "" : identifier;
    }

    /** CC BY 4.0, the usual licence of open research data. */
    public static Rights ccBy4() {
        return new Rights("Creative Commons Attribution 4.0 International",
                "https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0");
    }
}
