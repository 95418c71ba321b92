package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.PasswordCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiAuthenticationTest {

    private final Fakes.FakeAuthenticator authenticator = new Fakes.FakeAuthenticator();
    private final Fakes.FakeDirectory directory = new Fakes.FakeDirectory();
    private final ApiAuthentication authentication = new ApiAuthentication(authenticator, directory);

    @BeforeEach
    void users() {
        authenticator.passwords.put("ann", "s3cret:with:colons");
        authenticator.tokens.put("eyJ.token.sig", "ann");
        directory.viewers.put("ann", new Viewer("ann", Set.of("20240123"), Set.of(), false));
    }

    @Test
    void noHeaderIsAnonymous() throws ProblemException {
        assertEquals(Viewer.anonymous(), authentication.viewer(null));
        assertEquals(Viewer.anonymous(), authentication.viewer("  "));
    }

    @Test
    void basicBecomesPasswordCredentialsSplitAtTheFirstColon() throws ProblemException {
        Viewer viewer = authentication.viewer("Basic " + basic("ann:s3cret:with:colons"));

        assertEquals(new PasswordCredentials("ann", "s3cret:with:colons"), authenticator.last);
        assertEquals(Set.of("20240123"), viewer.proposals());
    }

    @Test
    void bearerBecomesABearerTokenWhateverTheSchemeCase() throws ProblemException {
        assertEquals("ann", authentication.viewer("bearer eyJ.token.sig").username());
        assertEquals(new BearerToken("eyJ.token.sig"), authenticator.last);
    }

    @Test
    void refusedOrMalformedCredentialsAre401WithTheChallenge() {
        for (String header : new String[] {"Basic " + basic("ann:wrong"), "Basic !!!", "Basic " + basic("nocolon"),
                "Bearer", "Bearer unknown", "Digest username=\"ann\""}) {
            ProblemException e = assertProblem(401, "", () -> authentication.viewer(header));
            assertEquals("Basic realm=\"DataSTaMP\", Bearer", e.response().headers().get("WWW-Authenticate"), header);
        }
    }

    @Test
    void credentialsParseWithoutAnAuthenticator() throws ProblemException {
        assertEquals(Optional.of(new PasswordCredentials("a", "")), ApiAuthentication.credentials("Basic "
                + basic("a:")));
    }

    @Test
    void aValidUserWithoutDirectoryIs503() {
        ApiAuthentication noDirectory = new ApiAuthentication(authenticator, null);

        assertProblem(503, "rights of 'ann' are unknown", () -> noDirectory.viewer("Bearer eyJ.token.sig"));
    }

    private static String basic(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
