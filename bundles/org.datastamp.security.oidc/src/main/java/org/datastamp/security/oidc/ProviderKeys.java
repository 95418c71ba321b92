package org.datastamp.security.oidc;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import org.datastamp.security.api.AuthenticationException;

/**
 * The provider's signing keys: the JWKS URL is discovered from the issuer's metadata, the key set is cached and
 * fetched again when a token names a key id not in the cache (the provider rotated its keys).
 */
final class ProviderKeys {

    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CACHE_LIFETIME = Duration.ofMinutes(15);
    private static final int JWKS_SIZE_LIMIT = 1024 * 1024;

    private final OidcSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    ProviderKeys(OidcSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** Reads the issuer's metadata and builds the cached key source on its {@code jwks_uri}. */
    JWKSource<SecurityContext> discover() throws AuthenticationException {
        URL jwksUrl = jwksUrl();
        int timeout = (int) HTTP_TIMEOUT.toMillis();
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder
                .<SecurityContext>create(jwksUrl, new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
                .cache(CACHE_LIFETIME.toMillis(), HTTP_TIMEOUT.toMillis())
                .retrying(false);
        // The rate limit keeps tokens with made-up key ids from making us hammer the provider's key endpoint.
        builder = settings.jwksRefreshMinInterval().isZero() ? builder.rateLimited(false)
                : builder.rateLimited(settings.jwksRefreshMinInterval().toMillis());
        return builder.build();
    }

    private URL jwksUrl() throws AuthenticationException {
        URI discovery = settings.discoveryUri();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(discovery).timeout(HTTP_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AuthenticationException("Cannot check the token: OpenID Connect discovery at " + discovery
                    + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("Interrupted while reading " + discovery, e);
        }
        if (response.statusCode() != 200) {
            throw new AuthenticationException("Cannot check the token: OpenID Connect discovery at " + discovery
                    + " answered HTTP " + response.statusCode());
        }
        JsonNode metadata;
        try {
            metadata = json.readTree(response.body());
        } catch (IOException e) {
            throw new AuthenticationException("Cannot check the token: " + discovery + " is not JSON", e);
        }
        String issuer = metadata.path("issuer").asText("");
        if (!settings.issuer().equals(issuer)) {
            // OpenID Connect Discovery 1.0 section 4.3: the metadata must name the issuer it was fetched for.
            throw new AuthenticationException("Cannot check the token: " + discovery + " names issuer '" + issuer
                    + "', not the configured '" + settings.issuer() + "'");
        }
        String jwksUri = metadata.path("jwks_uri").asText("");
        try {
            return URI.create(jwksUri).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new AuthenticationException("Cannot check the token: " + discovery + " has no usable jwks_uri ('"
                    + jwksUri + "')", e);
        }
    }
}
