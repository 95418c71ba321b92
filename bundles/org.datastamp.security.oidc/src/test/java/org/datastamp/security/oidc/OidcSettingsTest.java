package org.datastamp.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static OidcSettings issuer(String issuer) {
        return new OidcSettings(issuer, "", "", "", Duration.ofSeconds(30));
    }

    @Test
    void defaultsTheUsernameClaimAndStripsValues() {
        OidcSettings settings = new OidcSettings(" https://sso.example.org/realms/facility ", " datastamp ", " ", null,
                Duration.ZERO);
        assertEquals("https://sso.example.org/realms/facility", settings.issuer());
        assertEquals("datastamp", settings.audience());
        assertEquals("preferred_username", settings.usernameClaim());
        assertEquals("", settings.rolesClaim());
    }

    @Test
    void discoveryDocumentSitsUnderTheIssuer() {
        assertEquals(URI.create("https://sso.example.org/realms/facility/.well-known/openid-configuration"),
                issuer("https://sso.example.org/realms/facility").discoveryUri());
        assertEquals(URI.create("https://sso.example.org/.well-known/openid-configuration"),
                issuer("https://sso.example.org/").discoveryUri());
    }

    @Test
    void issuerIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> issuer(" "));
        assertTrue(e.getMessage().startsWith("issuer is required"), e.getMessage());
    }

    @Test
    void issuerMustUseHttpsExceptOnLocalhost() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> issuer("http://sso.example.org/realms/facility"));
        assertTrue(e.getMessage().contains("must use https"), e.getMessage());
        assertEquals("http://localhost:8080/realms/test", issuer("http://localhost:8080/realms/test").issuer());
        assertEquals("http://127.0.0.1:8080/x", issuer("http://127.0.0.1:8080/x").issuer());
    }

    @Test
    void issuerMustBeAnAbsoluteUrl() {
        assertThrows(IllegalArgumentException.class, () -> issuer("sso.example.org"));
        assertThrows(IllegalArgumentException.class, () -> issuer("https://sso.example.org/x?realm=y"));
        assertThrows(IllegalArgumentException.class, () -> issuer("https://sso example.org"));
    }
}
