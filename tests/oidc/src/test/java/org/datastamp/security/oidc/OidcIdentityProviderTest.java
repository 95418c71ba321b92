package org.datastamp.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Role;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.PasswordCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OIDC identity provider against NAV's mock-oauth2-server: a real OpenID Connect server on a local port. */
class OidcIdentityProviderTest {

    private static final String ISSUER_ID = "facility";

    private final PeopleInMemory directory = new PeopleInMemory();
    private final RotatingKeys keys = new RotatingKeys(newKey());
    private MockOAuth2Server server;
    private String issuer;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
        server.start();
        issuer = server.issuerUrl(ISSUER_ID).toString();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.shutdown();
        }
    }

    /** A provider as configured in production (keys fetched again at most twice per 30 s). */
    private OidcIdentityProvider provider(String audience, String rolesClaim) {
        return new OidcIdentityProvider(directory,
                new OidcSettings(issuer, audience, "preferred_username", rolesClaim, Duration.ofSeconds(30)));
    }

    private String token(String subject, String audience, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(ISSUER_ID, subject, audience, claims, expirySeconds).serialize();
    }

    @Test
    void tokenFromTheTokenEndpointYieldsTheUserNameAndRecordsThePerson() throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "f3b2c1d0-subject", "JWT",
                List.of("datastamp"), Map.of("preferred_username", "jdoe", "name", "Jane Doe", "email",
                        "jane@example.org"), 3600));
        String accessToken = tokenFromEndpoint(server.tokenEndpointUrl(ISSUER_ID).uri());

        Optional<String> username = provider("datastamp", "").authenticate(new BearerToken(accessToken));

        assertEquals(Optional.of("jdoe"), username);
        Person person = directory.people.get("jdoe");
        assertEquals("Jane Doe", person.fullName());
        assertEquals("jane@example.org", person.email());
        assertEquals(Set.of(Role.SCIENTIST), person.roles());
    }

    @Test
    void subjectIsTheUserNameWhenTheTokenHasNoPreferredUserName() throws Exception {
        String token = token("beamline-robot", "datastamp", Map.of(), 3600);
        assertEquals(Optional.of("beamline-robot"), provider("", "").authenticate(new BearerToken(token)));
        assertEquals("beamline-robot", directory.people.get("beamline-robot").fullName());
    }

    @Test
    void knownPersonIsNotOverwritten() throws Exception {
        Person curator = new Person("jdoe", "Dr Jane Doe", "jd@facility.org", "", "", Set.of(Role.CURATOR),
                Set.of());
        directory.savePerson(curator);
        String token = token("sub-1", "datastamp", Map.of("preferred_username", "jdoe", "name", "Other Name"), 3600);

        assertEquals(Optional.of("jdoe"), provider("", "").authenticate(new BearerToken(token)));
        assertEquals(curator, directory.people.get("jdoe"));
    }

    @Test
    void rolesComeFromTheConfiguredClaim() throws Exception {
        String token = token("sub-2", "datastamp", Map.of("preferred_username", "ccurie",
                "realm_access", Map.of("roles", List.of("offline_access", "curator", "beamline-staff"))), 3600);

        provider("", "realm_access.roles").authenticate(new BearerToken(token));

        assertEquals(Set.of(Role.CURATOR, Role.BEAMLINE_STAFF), directory.people.get("ccurie").roles());
    }

    @Test
    void expiredTokenIsRejected() {
        String token = token("jdoe", "datastamp", Map.of(), -600);
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider("", "").authenticate(new BearerToken(token)));
        assertEquals("Invalid token: expired", e.getMessage());
        assertTrue(directory.people.isEmpty());
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() throws Exception {
        String otherIssuerId = server.issueToken("other-realm", "jdoe", "datastamp", Map.of(), 3600).serialize();
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider("", "").authenticate(new BearerToken(otherIssuerId)));
        assertTrue(e.getMessage().startsWith("Invalid token: wrong issuer '" + server.issuerUrl("other-realm")),
                e.getMessage());

        // Same server and key, but the issuer named by another host name: only iss differs.
        URI otherHost = sameUrlOtherHost(server.tokenEndpointUrl(ISSUER_ID).uri());
        String sameKeyOtherIss = tokenFromEndpoint(otherHost);
        assertNotEquals(issuer, SignedJWT.parse(sameKeyOtherIss).getJWTClaimsSet().getIssuer());
        e = assertThrows(AuthenticationException.class,
                () -> provider("", "").authenticate(new BearerToken(sameKeyOtherIss)));
        assertTrue(e.getMessage().startsWith("Invalid token: wrong issuer"), e.getMessage());
    }

    @Test
    void tamperedTokenIsRejected() throws Exception {
        OidcIdentityProvider provider = provider("", "");
        String genuine = token("sub-3", "datastamp", Map.of("preferred_username", "jdoe"), 3600);
        assertEquals(Optional.of("jdoe"), provider.authenticate(new BearerToken(genuine)));

        // Claims rewritten to become admin, signature kept
        String[] parts = genuine.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"jdoe\"", "\"admin\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider.authenticate(new BearerToken(parts[0] + "." + forgedClaims + "." + parts[2])));
        assertEquals("Invalid token: bad signature", e.getMessage());

        // Signature bytes altered
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        e = assertThrows(AuthenticationException.class,
                () -> provider.authenticate(new BearerToken(parts[0] + "." + parts[1] + "." + new String(signature))));
        assertEquals("Invalid token: bad signature", e.getMessage());
        assertEquals(Set.of("jdoe"), directory.people.keySet());
    }

    @Test
    void audienceMustMatchWhenConfigured() throws Exception {
        String forOtherApp = token("jdoe", "other-app", Map.of(), 3600);
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider("datastamp", "").authenticate(new BearerToken(forOtherApp)));
        assertTrue(e.getMessage().startsWith("Invalid token: wrong audience"), e.getMessage());

        String forUs = token("jdoe", "datastamp", Map.of(), 3600);
        assertEquals(Optional.of("jdoe"), provider("datastamp", "").authenticate(new BearerToken(forUs)));
        assertEquals(Optional.of("jdoe"), provider("", "").authenticate(new BearerToken(forOtherApp)));
    }

    @Test
    void rotatedKeyIsPickedUpAndTheRetiredKeyNoLongerAccepted() throws Exception {
        OidcIdentityProvider provider = provider("", "");
        String beforeRotation = token("jdoe", "datastamp", Map.of(), 3600);
        assertEquals(Optional.of("jdoe"), provider.authenticate(new BearerToken(beforeRotation)));

        RSAKey rotated = newKey();
        keys.rotateTo(rotated);
        String afterRotation = token("jdoe", "datastamp", Map.of(), 3600);
        assertEquals(rotated.getKeyID(), SignedJWT.parse(afterRotation).getHeader().getKeyID());

        assertEquals(Optional.of("jdoe"), provider.authenticate(new BearerToken(afterRotation)));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider.authenticate(new BearerToken(beforeRotation)));
        assertTrue(e.getMessage().startsWith("Invalid token: bad signature"), e.getMessage());
    }

    @Test
    void passwordsAreLeftToOtherProviders() throws Exception {
        assertEquals(Optional.empty(), provider("", "").authenticate(new PasswordCredentials("jdoe", "secret-pw")));
    }

    @Test
    void textThatIsNoJwtIsRejected() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider("", "").authenticate(new BearerToken("not-a-jwt")));
        assertTrue(e.getMessage().startsWith("Invalid token: not a JSON Web Token"), e.getMessage());
    }

    @Test
    void unreachableProviderIsReportedAsSuch() {
        String token = token("jdoe", "datastamp", Map.of(), 3600);
        server.shutdown();
        server = null;
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> provider("", "").authenticate(new BearerToken(token)));
        assertTrue(e.getMessage().startsWith("Cannot check the token: OpenID Connect discovery at " + issuer
                + "/.well-known/openid-configuration failed"), e.getMessage());
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's signing key, replaced at will: it signs new tokens and is the only key its JWKS lists. */
    private static final class RotatingKeys extends KeyProvider {

        private volatile RSAKey current;

        RotatingKeys(RSAKey initial) {
            super(List.of(initial));
            current = initial;
        }

        void rotateTo(RSAKey next) {
            current = next;
        }

        @Override
        public JWK signingKey(String issuerId) {
            return current;
        }
    }

    /** An access token from the server's token endpoint (client credentials grant), as a client would get it. */
    private static String tokenFromEndpoint(URI tokenEndpoint) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=datastamp&client_secret=secret&scope=datastamp"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    private static URI sameUrlOtherHost(URI uri) {
        String host = "localhost".equals(uri.getHost()) ? "127.0.0.1" : "localhost";
        return URI.create(uri.getScheme() + "://" + host + ":" + uri.getPort() + uri.getPath());
    }
}
