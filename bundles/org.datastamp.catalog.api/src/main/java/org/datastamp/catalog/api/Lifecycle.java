package org.datastamp.catalog.api;

import java.util.List;

/**
 * Where a dataset's files are kept and whether they can be read now.
 *
 * @param online   true when the files are on a tier that can be read without a recall
 * @param archived true when an archival copy exists (tape or cloud)
 * @param tiers    ids of the storage tiers holding a verified copy, e.g. {@code hot-disk}
 */
public record Lifecycle(boolean online, boolean archived, List<String> tiers) {

    public Lifecycle {
        tiers = List.copyOf(tiers);
    }

    /** A dataset just written to the hot tier. */
    public static Lifecycle onHotDisk() {
        return new Lifecycle(true, false, List.of("hot-disk"));
    }
}
