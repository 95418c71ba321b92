package org.datastamp.core.api;

import java.util.Objects;

/**
 * What the registry reports about one capability service.
 *
 * @param kind          the capability family
 * @param id            the capability's own id, unique within its kind
 * @param displayName   name for people
 * @param bundle        symbolic name of the bundle that registered it
 * @param bundleVersion version of that bundle
 * @param state         where it stands
 */
public record CapabilityInfo(CapabilityKind kind, String id, String displayName, String bundle,
        String bundleVersion, CapabilityState state) {

    public CapabilityInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A capability needs a non-blank id (bundle " + bundle + ")");
        }
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }
}
