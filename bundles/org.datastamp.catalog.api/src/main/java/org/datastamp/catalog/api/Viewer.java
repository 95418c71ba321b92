package org.datastamp.catalog.api;

import java.util.Set;

/**
 * Who is asking, as the access rule needs it. The rule, applied on every read path (lookup, listing, search hits,
 * facet counts, downloads): a dataset is visible to a viewer when
 * <ol>
 * <li>the viewer is a curator or admin ({@link #seesEverything}), or</li>
 * <li>the viewer is a member (or the PI) of the dataset's proposal, or</li>
 * <li>the viewer is beamline staff of the dataset's instrument, or</li>
 * <li>the dataset is public: its {@link DatasetAccess#publicFrom()} is not after now (embargo over, or published
 * with a DOI).</li>
 * </ol>
 * An anonymous viewer has an empty username and sees only public datasets.
 *
 * @param username       the authenticated user, empty when anonymous
 * @param proposals      ids of the proposals the user belongs to
 * @param staffOf        ids of the instruments the user is staff of
 * @param seesEverything true for curators and admins
 */
public record Viewer(String username, Set<String> proposals, Set<String> staffOf, boolean seesEverything) {

    public Viewer {
        username = username == null ? "" : username;
        proposals = Set.copyOf(proposals);
        staffOf = Set.copyOf(staffOf);
    }

    /** Someone not logged in. */
    public static Viewer anonymous() {
        return new Viewer("", Set.of(), Set.of(), false);
    }

    /** The platform itself (ingestion, storage, indexing): sees everything. */
    public static Viewer system() {
        return new Viewer("system", Set.of(), Set.of(), true);
    }
}
