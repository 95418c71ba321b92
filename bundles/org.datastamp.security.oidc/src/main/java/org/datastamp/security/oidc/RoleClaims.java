package org.datastamp.security.oidc;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.Role;

/** Reads the roles a token grants from a claim, mapping names such as {@code beamline-staff} onto {@link Role}. */
final class RoleClaims {

    private RoleClaims() {
    }

    /**
     * The roles named in the claim at {@code path} (dots descend into JSON objects, as in Keycloak's
     * {@code realm_access.roles}); names that are no DataSTaMP role are ignored; SCIENTIST when none is left.
     */
    static Set<Role> roles(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> names) {
            names.forEach(name -> add(roles, name));
        } else if (value instanceof String names) {
            for (String name : names.split("[\\s,]+")) {
                add(roles, name);
            }
        }
        return roles.isEmpty() ? Set.of(Role.SCIENTIST) : roles;
    }

    private static void add(Set<Role> roles, Object name) {
        if (name == null) {
            return;
        }
        String normalized = name.toString().strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role role : Role.values()) {
            if (role.name().equals(normalized)) {
                roles.add(role);
            }
        }
    }
}
