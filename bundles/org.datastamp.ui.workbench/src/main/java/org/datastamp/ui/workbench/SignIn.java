package org.datastamp.ui.workbench;

import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.Authenticator;
import org.datastamp.security.api.PasswordCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sign-in form's decision, free of widgets: who signed in, or what to tell the person at the keyboard. */
final class SignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    /**
     * @param user    the user name proven, empty when refused
     * @param message what to show when refused, empty on success
     */
    record Outcome(String user, String message) {

        boolean succeeded() {
            return !user.isEmpty();
        }
    }

    private SignIn() {
    }

    /** @param authenticator {@code null} while no authentication service is running */
    static Outcome attempt(Authenticator authenticator, String username, String password) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            return new Outcome("", "Enter your user name");
        }
        if (authenticator == null) {
            return new Outcome("", "Signing in is not available: no authentication service is running");
        }
        try {
            String user = authenticator.authenticate(new PasswordCredentials(name, password));
            LOG.info("Workbench sign-in of '{}'", user);
            return new Outcome(user, "");
        } catch (AuthenticationException e) {
            LOG.info("Workbench sign-in refused for '{}': {}", name, e.getMessage());
            // The same words for an unknown user and a wrong password: the form must not reveal which names exist.
            return new Outcome("", "Wrong user name or password");
        }
    }
}
