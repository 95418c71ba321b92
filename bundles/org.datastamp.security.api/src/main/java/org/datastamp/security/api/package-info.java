/**
 * Authentication: who a request comes from. {@link org.datastamp.security.api.IdentityProvider}s are plugins (local
 * accounts, OpenID Connect); the {@link org.datastamp.security.api.Authenticator} asks each in turn. What a user may
 * see is decided by the catalogue ({@code org.datastamp.catalog.api.Viewer}).
 */
package org.datastamp.security.api;
