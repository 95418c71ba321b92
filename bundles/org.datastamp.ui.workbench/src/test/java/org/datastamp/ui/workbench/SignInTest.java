package org.datastamp.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.Authenticator;
import org.datastamp.security.api.PasswordCredentials;
import org.junit.jupiter.api.Test;

class SignInTest {

    /** Knows ann with password "right"; says why it refuses, which the form must not repeat. */
    private final Authenticator authenticator = credentials -> {
        if (credentials instanceof PasswordCredentials p && p.username().equals("ann")) {
            if (p.password().equals("right")) {
                return "ann";
            }
            throw new AuthenticationException("wrong password for ann");
        }
        throw new AuthenticationException("no such user");
    };

    @Test
    void rightPasswordSignsInWithTheNameTheAuthenticatorProves() {
        SignIn.Outcome outcome = SignIn.attempt(authenticator, "  ann ", "right");

        assertTrue(outcome.succeeded());
        assertEquals("ann", outcome.user());
    }

    @Test
    void wrongPasswordAndUnknownUserReadTheSame() {
        SignIn.Outcome wrong = SignIn.attempt(authenticator, "ann", "wrong");
        SignIn.Outcome unknown = SignIn.attempt(authenticator, "bob", "right");

        assertFalse(wrong.succeeded());
        assertEquals("Wrong user name or password", wrong.message());
        assertEquals(wrong, unknown);
    }

    @Test
    void blankNameOrMissingServiceSaySo() {
        assertEquals("Enter your user name", SignIn.attempt(authenticator, " ", "x").message());
        assertTrue(SignIn.attempt(null, "ann", "right").message().contains("no authentication service"));
    }
}
