package org.datastamp.ui.metadata;

import java.util.Optional;

import org.datastamp.catalog.api.Viewer;

/**
 * Who may change a beamline's metadata configuration: its staff, curators and admins (the rule of
 * {@code PUT /api/v1/instruments/{id}/metadata-configuration}).
 */
final class EditRights {

    private EditRights() {
    }

    /** Why the viewer may not change the instrument's configuration, or empty when they may. */
    static Optional<String> refusal(Viewer viewer, String instrument) {
        if (viewer.username().isEmpty()) {
            return Optional.of("Sign in as staff of " + instrument + ", a curator or an admin to change its metadata"
                    + " configuration");
        }
        if (!viewer.seesEverything() && !viewer.staffOf().contains(instrument)) {
            return Optional.of("'" + viewer.username() + "' may not change the metadata configuration of "
                    + instrument + ": only its beamline staff, curators and admins may");
        }
        return Optional.empty();
    }
}
