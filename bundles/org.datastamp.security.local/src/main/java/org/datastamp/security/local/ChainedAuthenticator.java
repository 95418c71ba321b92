package org.datastamp.security.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.Authenticator;
import org.datastamp.security.api.Credentials;
import org.datastamp.security.api.IdentityProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every identity provider in turn (highest service ranking first); the first that proves a user name wins.
 * Providers come and go at runtime (installing the OpenID Connect plugin adds one).
 */
@Component(service = Authenticator.class)
public class ChainedAuthenticator implements Authenticator {

    static final String NO_PROVIDER_ACCEPTS = "Invalid credentials";

    private static final Logger LOG = LoggerFactory.getLogger(ChainedAuthenticator.class);

    /** Replaced whole by Declarative Services whenever a provider comes or goes, in ascending ranking order. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<IdentityProvider> providers = List.of();

    public ChainedAuthenticator() {
    }

    /** For tests: a fixed list of providers, asked in the order given. */
    ChainedAuthenticator(List<IdentityProvider> providersInOrder) {
        List<IdentityProvider> ascending = new ArrayList<>(providersInOrder);
        Collections.reverse(ascending);
        this.providers = ascending;
    }

    @Override
    public String authenticate(Credentials credentials) throws AuthenticationException {
        List<IdentityProvider> snapshot = providers;
        AuthenticationException firstRefusal = null;
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            IdentityProvider provider = snapshot.get(i);
            Optional<String> username;
            try {
                username = provider.authenticate(credentials);
            } catch (AuthenticationException e) {
                firstRefusal = firstRefusal == null ? e : firstRefusal;
                continue;
            } catch (RuntimeException e) {
                LOG.error("Identity provider '{}' failed on {}", provider.id(), credentials, e);
                firstRefusal = firstRefusal == null
                        ? new AuthenticationException("Identity provider '" + provider.id() + "' failed", e)
                        : firstRefusal;
                continue;
            }
            if (username.isPresent()) {
                return username.get();
            }
        }
        throw firstRefusal != null ? firstRefusal : new AuthenticationException(NO_PROVIDER_ACCEPTS);
    }
}
