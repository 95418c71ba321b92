package org.datastamp.security.oidc;

import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.datastamp.security.api.AuthenticationException;

/**
 * Checks a JWT from the configured issuer: signature by one of the issuer's keys, {@code iss}, {@code exp} and
 * {@code nbf} with a small clock skew, and {@code aud} when an audience is configured. Only RSA and EC signatures are
 * accepted, so a token cannot be "signed" with the public key as an HMAC secret (EdDSA would need Google Tink).
 */
final class TokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 60;

    private static final Set<JWSAlgorithm> ASYMMETRIC = asymmetric();

    private final OidcSettings settings;
    private final ProviderKeys keys;
    private DefaultJWTProcessor<SecurityContext> processor;

    TokenVerifier(OidcSettings settings, ProviderKeys keys) {
        this.settings = settings;
        this.keys = keys;
    }

    /** The verified claims. */
    JWTClaimsSet verify(String token) throws AuthenticationException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new AuthenticationException("Invalid token: not a JSON Web Token (" + e.getMessage() + ")", e);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new AuthenticationException("Invalid token: not a signed JSON Web Token");
        }
        // Refused before any key lookup, so tokens of other issuers neither cost a key fetch nor read as forged.
        String issuer = unverifiedIssuer(signed);
        if (!settings.issuer().equals(issuer)) {
            throw new AuthenticationException("Invalid token: wrong issuer '" + issuer + "', expected '"
                    + settings.issuer() + "'");
        }
        try {
            return processor().process(signed, null);
        } catch (RateLimitReachedException e) {
            // The token names a key the provider did not list when asked moments ago: forged, or from elsewhere.
            throw new AuthenticationException("Invalid token: bad signature: no key of the issuer matches the token's"
                    + " key id (the keys were fetched again less than "
                    + settings.jwksRefreshMinInterval().toSeconds() + " s ago)", e);
        } catch (KeySourceException e) {
            throw new AuthenticationException("Cannot check the token: the signing keys of " + settings.issuer()
                    + " could not be fetched (" + e.getMessage() + ")", e);
        } catch (BadJOSEException | JOSEException e) {
            throw new AuthenticationException("Invalid token: " + reason(e), e);
        }
    }

    private synchronized DefaultJWTProcessor<SecurityContext> processor() throws AuthenticationException {
        if (processor == null) {
            DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
            built.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                    new JOSEObjectType("at+jwt"), null));
            built.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, keys.discover()));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                    settings.audience().isEmpty() ? null : Set.of(settings.audience()),
                    new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("exp", "sub"), null);
            claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            built.setJWTClaimsSetVerifier(claims);
            processor = built;
        }
        return processor;
    }

    private static String unverifiedIssuer(SignedJWT jwt) throws AuthenticationException {
        try {
            return jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new AuthenticationException("Invalid token: its claims are not a JSON object", e);
        }
    }

    /** Nimbus's reason, in the words an operator looks for. */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.equals("Expired JWT")) {
            return "expired";
        }
        if (message.equals("JWT before use time")) {
            return "not valid yet (nbf in the future)";
        }
        if (message.contains("aud claim") || message.contains("audience")) {
            return "wrong audience (" + message + ")";
        }
        if (message.contains("Invalid signature")) {
            return "bad signature";
        }
        if (message.contains("no matching key")) {
            return "bad signature: no key of the issuer matches the token's key id and algorithm";
        }
        return message;
    }

    private static Set<JWSAlgorithm> asymmetric() {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(algorithms);
    }
}
