package org.datastamp.security.oidc;

import java.net.http.HttpClient;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.JWTClaimsSet;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Role;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.Credentials;
import org.datastamp.security.api.IdentityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users of an OpenID Connect provider (Keycloak, the facility's SSO): bearer tokens are JWTs signed by the provider.
 * Active only when configured. A user seen for the first time is recorded in the facility directory, so the
 * catalogue can work out what they may see.
 */
@Component(service = IdentityProvider.class, configurationPid = OidcIdentityProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OidcIdentityProvider.Config.class)
public class OidcIdentityProvider implements IdentityProvider {

    static final String PID = "org.datastamp.security.oidc";

    private static final Logger LOG = LoggerFactory.getLogger(OidcIdentityProvider.class);
    /** Bounds the memory of user names already known to the directory; past it, the set starts again. */
    private static final int KNOWN_USERS_LIMIT = 10_000;

    @ObjectClassDefinition(name = "DataSTaMP OpenID Connect",
            description = "Accepts bearer tokens (JWTs) issued by an OpenID Connect provider")
    public @interface Config {

        @AttributeDefinition(description = "Issuer URL, exactly as in the tokens' iss claim, e.g."
                + " https://sso.example.org/realms/facility; its /.well-known/openid-configuration names the keys")
        String issuer();

        @AttributeDefinition(description = "Required aud value (e.g. the client id); empty accepts any audience")
        String audience() default "";

        @AttributeDefinition(description = "Claim holding the user name; sub is used when a token lacks it")
        String usernameClaim() default "preferred_username";

        @AttributeDefinition(description = "Claim listing role names (SCIENTIST, BEAMLINE_STAFF, CURATOR, ADMIN),"
                + " a dotted path such as realm_access.roles for Keycloak; empty makes new users scientists")
        String rolesClaim() default "";

        @AttributeDefinition(description = "A token naming an unknown key makes us fetch the provider's keys again"
                + " at most twice in this many seconds")
        int jwksRefreshMinIntervalSeconds() default 30;
    }

    private final FacilityDirectory directory;
    private final OidcSettings settings;
    private final TokenVerifier verifier;
    private final Set<String> knownUsers = ConcurrentHashMap.newKeySet();

    @Activate
    public OidcIdentityProvider(@Reference(name = "directory") FacilityDirectory directory, Config config) {
        this(directory, OidcSettings.from(config));
        LOG.info("OpenID Connect identity provider active for issuer {}", settings.issuer());
    }

    OidcIdentityProvider(FacilityDirectory directory, OidcSettings settings) {
        this.directory = directory;
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder().connectTimeout(ProviderKeys.HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.verifier = new TokenVerifier(settings, new ProviderKeys(settings, http));
    }

    @Override
    public String id() {
        return "oidc";
    }

    @Override
    public Optional<String> authenticate(Credentials credentials) throws AuthenticationException {
        if (!(credentials instanceof BearerToken token)) {
            return Optional.empty();
        }
        JWTClaimsSet claims = verifier.verify(token.token());
        String username = username(claims);
        if (!knownUsers.contains(username)) {
            recordFirstSight(username, claims);
            if (knownUsers.size() >= KNOWN_USERS_LIMIT) {
                knownUsers.clear();
            }
            knownUsers.add(username);
        }
        return Optional.of(username);
    }

    private String username(JWTClaimsSet claims) throws AuthenticationException {
        String username = stringClaim(claims, settings.usernameClaim());
        return username.isEmpty() ? claims.getSubject() : username;
    }

    private void recordFirstSight(String username, JWTClaimsSet claims) throws AuthenticationException {
        try {
            if (directory.person(username).isPresent()) {
                return;
            }
            String name = stringClaim(claims, "name");
            Set<Role> roles = settings.rolesClaim().isEmpty() ? Set.of(Role.SCIENTIST)
                    : RoleClaims.roles(claims.getClaims(), settings.rolesClaim());
            Person person = new Person(username, name.isEmpty() ? username : name, stringClaim(claims, "email"),
                    "", "", roles, Set.of());
            directory.savePerson(person);
            LOG.info("First login of '{}' through OpenID Connect; recorded as '{}' with roles {}", username,
                    person.fullName(), roles);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("Token of '" + username + "' from " + settings.issuer()
                    + " cannot be a DataSTaMP user: " + e.getMessage(), e);
        } catch (CatalogException e) {
            throw new AuthenticationException("Could not record user '" + username + "' in the facility directory: "
                    + e.getMessage(), e);
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws AuthenticationException {
        try {
            String value = claims.getStringClaim(name);
            return value == null ? "" : value.strip();
        } catch (ParseException e) {
            throw new AuthenticationException("Invalid token: claim '" + name + "' is not a string", e);
        }
    }
}
