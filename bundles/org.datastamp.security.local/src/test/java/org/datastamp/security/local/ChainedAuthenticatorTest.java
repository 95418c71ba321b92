package org.datastamp.security.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.Credentials;
import org.datastamp.security.api.IdentityProvider;
import org.datastamp.security.api.PasswordCredentials;
import org.junit.jupiter.api.Test;

class ChainedAuthenticatorTest {

    private static final Credentials TOKEN = new BearerToken("token");

    /** Answers every credential the same way. */
    private record Fixed(String id, Optional<String> answer, String refusal) implements IdentityProvider {

        static Fixed accepting(String id, String username) {
            return new Fixed(id, Optional.of(username), null);
        }

        static Fixed ignoring(String id) {
            return new Fixed(id, Optional.empty(), null);
        }

        static Fixed refusing(String id, String message) {
            return new Fixed(id, Optional.empty(), message);
        }

        @Override
        public Optional<String> authenticate(Credentials credentials) throws AuthenticationException {
            if (refusal != null) {
                throw new AuthenticationException(refusal);
            }
            return answer;
        }
    }

    @Test
    void firstProviderThatKnowsTheUserWins() throws Exception {
        ChainedAuthenticator authenticator = new ChainedAuthenticator(
                List.of(Fixed.ignoring("a"), Fixed.accepting("b", "bob"), Fixed.accepting("c", "carol")));
        assertEquals("bob", authenticator.authenticate(TOKEN));
    }

    @Test
    void noProviderAtAllMeansInvalidCredentials() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> new ChainedAuthenticator(List.of()).authenticate(new PasswordCredentials("u", "p")));
        assertEquals("Invalid credentials", e.getMessage());
    }

    @Test
    void noProviderHandlingTheCredentialsMeansInvalidCredentials() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> new ChainedAuthenticator(List.of(Fixed.ignoring("a"), Fixed.ignoring("b"))).authenticate(TOKEN));
        assertEquals("Invalid credentials", e.getMessage());
    }

    @Test
    void aRefusalIsReportedWhenNoOtherProviderAccepts() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> new ChainedAuthenticator(List.of(Fixed.refusing("oidc", "Token expired"), Fixed.ignoring("x")))
                        .authenticate(TOKEN));
        assertEquals("Token expired", e.getMessage());
    }

    @Test
    void aLaterProviderMayAcceptWhatAnEarlierOneRefused() throws Exception {
        ChainedAuthenticator authenticator = new ChainedAuthenticator(
                List.of(Fixed.refusing("a", "nope"), Fixed.accepting("b", "bob")));
        assertEquals("bob", authenticator.authenticate(TOKEN));
    }

    @Test
    void aFailingProviderDoesNotStopTheOthers() throws Exception {
        IdentityProvider broken = new IdentityProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public Optional<String> authenticate(Credentials credentials) {
                throw new IllegalStateException("directory down");
            }
        };
        assertEquals("bob", new ChainedAuthenticator(List.of(broken, Fixed.accepting("b", "bob"))).authenticate(TOKEN));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> new ChainedAuthenticator(List.of(broken)).authenticate(TOKEN));
        assertEquals("Identity provider 'broken' failed", e.getMessage());
    }
}
