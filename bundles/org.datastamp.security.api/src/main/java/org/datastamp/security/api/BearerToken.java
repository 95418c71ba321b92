package org.datastamp.security.api;

/**
 * A bearer token (HTTP {@code Authorization: Bearer}), e.g. an OpenID Connect access or ID token.
 *
 * @param token the token text
 */
public record BearerToken(String token) implements Credentials {

    public BearerToken {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("An empty bearer token");
        }
    }

    @Override
    public String toString() {
        return "BearerToken[***]";
    }
}
