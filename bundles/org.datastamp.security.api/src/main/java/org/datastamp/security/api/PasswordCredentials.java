package org.datastamp.security.api;

/**
 * A user name and password (HTTP Basic, the workbench login form).
 *
 * @param username the user name
 * @param password the password
 */
public record PasswordCredentials(String username, String password) implements Credentials {

    public PasswordCredentials {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A user name is required");
        }
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "PasswordCredentials[username=" + username + ", password=***]";
    }
}
