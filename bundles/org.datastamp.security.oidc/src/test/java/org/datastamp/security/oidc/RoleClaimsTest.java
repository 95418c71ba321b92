package org.datastamp.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.Role;
import org.junit.jupiter.api.Test;

class RoleClaimsTest {

    @Test
    void readsKeycloakRealmRolesAndIgnoresOthers() {
        Map<String, Object> claims = Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "beamline-staff", "Curator")));
        assertEquals(Set.of(Role.BEAMLINE_STAFF, Role.CURATOR), RoleClaims.roles(claims, "realm_access.roles"));
    }

    @Test
    void readsATopLevelListOrSpaceSeparatedString() {
        assertEquals(Set.of(Role.ADMIN), RoleClaims.roles(Map.of("groups", List.of("admin")), "groups"));
        assertEquals(Set.of(Role.ADMIN, Role.SCIENTIST),
                RoleClaims.roles(Map.of("roles", "admin scientist"), "roles"));
    }

    @Test
    void noKnownRoleMeansScientist() {
        assertEquals(Set.of(Role.SCIENTIST), RoleClaims.roles(Map.of("roles", List.of("uma_authorization")), "roles"));
        assertEquals(Set.of(Role.SCIENTIST), RoleClaims.roles(Map.of(), "realm_access.roles"));
        assertEquals(Set.of(Role.SCIENTIST), RoleClaims.roles(Map.of("realm_access", "x"), "realm_access.roles"));
    }
}
