package org.datastamp.security.api;

/** Passwords of local accounts (the default identity provider); stored only as salted, slow hashes. */
public interface LocalAccounts {

    /**
     * Sets a person's password; the person must be known to the catalogue.
     *
     * @throws IllegalArgumentException when the password is too weak (shorter than 8 characters)
     */
    void setPassword(String username, String password) throws AuthenticationException;
}
