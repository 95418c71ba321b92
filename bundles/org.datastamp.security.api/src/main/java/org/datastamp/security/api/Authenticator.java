package org.datastamp.security.api;

/** Asks every {@link IdentityProvider} in turn; what the REST API and the workbench call. */
public interface Authenticator {

    /**
     * The user name the credentials prove.
     *
     * @throws AuthenticationException when no provider accepts them
     */
    String authenticate(Credentials credentials) throws AuthenticationException;
}
