package org.datastamp.catalog.api;

/**
 * A physical sample.
 *
 * @param id          sample id
 * @param name        name, e.g. {@code lysozyme}
 * @param description composition and notes, empty if none
 * @param proposalId  the proposal it belongs to, empty if none
 */
public record Sample(String id, String name, String description, String proposalId) {

    public Sample {
        Ids.require("sample id", id);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Sample '" + id + "' needs a name");
        }
        description = description == null ? "" : description;
        proposalId = proposalId == null ? "" : proposalId;
        Ids.requireOptional("proposal id of sample " + id, proposalId);
    }
}
