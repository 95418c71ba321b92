package org.datastamp.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.Authenticator;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.Credentials;
import org.datastamp.security.api.PasswordCredentials;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sent a request: the one place where the REST API reads the {@code Authorization} header. Every servlet
 * asks it before its resource runs, so no resource can forget the access rule's input. {@code Basic} becomes
 * {@link PasswordCredentials}, {@code Bearer} a {@link BearerToken}; the {@link Authenticator} checks them and the
 * {@link FacilityDirectory} says what the user may see. No header means an anonymous viewer.
 *
 * <p>A service of this bundle only (its package is not exported), so the servlets wait for an authenticator: the
 * API is never served without one.
 */
@Component(service = ApiAuthentication.class)
public class ApiAuthentication {

    /** The challenge sent with every 401, naming both schemes the API accepts. */
    static final String CHALLENGE = "Basic realm=\"DataSTaMP\", Bearer";

    private static final Logger LOG = LoggerFactory.getLogger(ApiAuthentication.class);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacilityDirectory directory;

    public ApiAuthentication() {
        // for Declarative Services
    }

    /** For tests: fixed services. */
    ApiAuthentication(Authenticator authenticator, FacilityDirectory directory) {
        this.authenticator = authenticator;
        this.directory = directory;
    }

    /**
     * The viewer behind an {@code Authorization} header value.
     *
     * @param authorization the header value, {@code null} when the request has none
     * @throws ProblemException 401 with a challenge when the header is malformed or the credentials are refused;
     *                          503 when the user is valid but the directory that knows their rights is missing
     */
    Viewer viewer(String authorization) throws ProblemException {
        Optional<Credentials> credentials = credentials(authorization);
        if (credentials.isEmpty()) {
            return Viewer.anonymous();
        }
        String username;
        try {
            username = authenticator.authenticate(credentials.get());
        } catch (AuthenticationException e) {
            LOG.info("Refused credentials {}: {}", credentials.get(), e.getMessage());
            throw unauthorized("The credentials were refused: " + e.getMessage());
        }
        FacilityDirectory current = directory;
        if (current == null) {
            throw new ProblemException(Problem.unavailable("No facility directory is running, so the rights of '"
                    + username + "' are unknown; check that a catalogue bundle (e.g. org.datastamp.catalog.jdbc) is"
                    + " active"));
        }
        try {
            return current.viewer(username);
        } catch (CatalogException e) {
            throw new ProblemException(Problem.internalError("Could not read the rights of '" + username + "': "
                    + e.getMessage()), e);
        }
    }

    /**
     * Parses an {@code Authorization} header value; empty when there is none.
     *
     * @throws ProblemException 401 when the scheme is unknown or the value is malformed
     */
    static Optional<Credentials> credentials(String authorization) throws ProblemException {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String parameter = space < 0 ? "" : value.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            return Optional.of(basic(parameter));
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            if (parameter.isEmpty()) {
                throw unauthorized("The Bearer authorization has no token");
            }
            return Optional.of(new BearerToken(parameter));
        }
        throw unauthorized("Authorization scheme '" + scheme + "' is not supported; use Basic or Bearer");
    }

    private static PasswordCredentials basic(String encoded) throws ProblemException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("The Basic authorization is not valid Base64 of 'username:password'");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw unauthorized("The Basic authorization must encode 'username:password'");
        }
        return new PasswordCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** A 401 problem carrying the challenge, for bad credentials and for anonymous requests that need a user. */
    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.unauthorized(detail), Map.of("WWW-Authenticate", CHALLENGE));
    }
}
