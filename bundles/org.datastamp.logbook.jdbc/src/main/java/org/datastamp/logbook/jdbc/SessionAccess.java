package org.datastamp.logbook.jdbc;

import java.util.Set;

import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;

/**
 * What a viewer may do in a session's logbook.
 *
 * @param session  the session
 * @param writes   member or PI of its proposal, staff of its instrument, curator or admin: reads and writes all
 * @param datasets for everyone else: the session's datasets the catalogue shows them (they read those scans, and
 *                 the notes once there is at least one); ignored for writers
 */
record SessionAccess(Session session, boolean writes, Set<String> datasets) {

    SessionAccess {
        datasets = Set.copyOf(datasets);
    }

    /** The rule for writing; reading beyond it is decided by the catalogue, dataset by dataset. */
    static boolean writes(Viewer viewer, Session session) {
        return viewer.seesEverything() || viewer.proposals().contains(session.proposalId())
                || viewer.staffOf().contains(session.instrument());
    }

    boolean readsNotes() {
        return writes || !datasets.isEmpty();
    }

    boolean readsScan(String datasetId) {
        return writes || datasets.contains(datasetId);
    }
}
