package org.datastamp.security.api;

import java.util.Optional;

/** A way to authenticate users (local accounts, OpenID Connect); a plugin service. */
public interface IdentityProvider {

    /** Short id, e.g. {@code local}, {@code oidc}. */
    String id();

    /**
     * The user name these credentials prove, or empty if this provider does not handle this kind of credentials
     * (another provider may).
     *
     * @throws AuthenticationException when this provider handles them and they are invalid
     */
    Optional<String> authenticate(Credentials credentials) throws AuthenticationException;
}
