package org.datastamp.security.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * What the OpenID Connect provider needs to know, checked once when the configuration arrives.
 *
 * @param issuer                  the provider's issuer URL; tokens must carry exactly this {@code iss}
 * @param audience                required {@code aud} value, empty to accept any audience
 * @param usernameClaim           claim holding the user name ({@code sub} when a token lacks it)
 * @param rolesClaim              claim (a dotted path such as {@code realm_access.roles}) listing role names, empty
 *                                to give every new user the SCIENTIST role
 * @param jwksRefreshMinInterval  the keys are fetched again at most twice per interval when tokens name unknown keys
 */
record OidcSettings(String issuer, String audience, String usernameClaim, String rolesClaim,
        Duration jwksRefreshMinInterval) {

    OidcSettings {
        issuer = requireIssuer(issuer);
        audience = audience == null ? "" : audience.strip();
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
        rolesClaim = rolesClaim == null ? "" : rolesClaim.strip();
        if (jwksRefreshMinInterval == null || jwksRefreshMinInterval.isNegative()) {
            throw new IllegalArgumentException("jwksRefreshMinIntervalSeconds must be 0 or more");
        }
    }

    static OidcSettings from(OidcIdentityProvider.Config config) {
        return new OidcSettings(config.issuer(), config.audience(), config.usernameClaim(), config.rolesClaim(),
                Duration.ofSeconds(config.jwksRefreshMinIntervalSeconds()));
    }

    /** Where the provider publishes its metadata (OpenID Connect Discovery 1.0, section 4). */
    URI discoveryUri() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    private static String requireIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer is required: the OpenID Connect provider's issuer URL,"
                    + " e.g. https://sso.example.org/realms/facility");
        }
        String value = issuer.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("issuer '" + value + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("issuer '" + value + "' must be an absolute URL without query or"
                    + " fragment");
        }
        boolean loopback = "localhost".equals(uri.getHost()) || uri.getHost().startsWith("127.")
                || "[::1]".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("issuer '" + value + "' must use https (plain http is accepted only"
                    + " for localhost)");
        }
        return value;
    }
}
