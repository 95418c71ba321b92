package org.datastamp.doi.api;

/**
 * An institution a creator belongs to.
 *
 * @param name name of the institution
 * @param ror  its ROR id as a URL ({@code https://ror.org/012a77v79}), empty if unknown
 */
public record Affiliation(String name, String ror) {

    public Affiliation {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An affiliation needs a name");
        }
        ror = ror == null ? "" : ror.strip();
        if (!ror.isEmpty() && !ror.matches("https://ror\\.org/0[a-z0-9]{6}\\d{2}")) {
            throw new IllegalArgumentException("Affiliation '" + name + "': ROR id '" + ror
                    + "' is not of the form https://ror.org/0xxxxxxNN");
        }
    }
}
