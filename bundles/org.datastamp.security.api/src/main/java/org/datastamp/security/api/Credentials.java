package org.datastamp.security.api;

/** What a client presented to prove who it is. */
public sealed interface Credentials permits PasswordCredentials, BearerToken {
}
