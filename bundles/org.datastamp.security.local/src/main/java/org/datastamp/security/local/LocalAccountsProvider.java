package org.datastamp.security.local;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.Credentials;
import org.datastamp.security.api.IdentityProvider;
import org.datastamp.security.api.LocalAccounts;
import org.datastamp.security.api.PasswordCredentials;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local accounts: passwords checked against the PBKDF2 hashes kept with each person in the facility directory. The
 * default identity provider, so an installation without an external one still has logins.
 */
@Component(service = { LocalAccounts.class, IdentityProvider.class })
public class LocalAccountsProvider implements LocalAccounts, IdentityProvider {

    /** One message for an unknown user and a wrong password, so the answer does not tell which user names exist. */
    static final String INVALID = "Invalid user name or password";
    static final int MIN_PASSWORD_LENGTH = 8;

    private static final Logger LOG = LoggerFactory.getLogger(LocalAccountsProvider.class);
    private static final int CACHE_ENTRIES = 1024;
    private static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);

    private final FacilityDirectory directory;
    private final Pbkdf2Hashes hashes;
    private final VerifiedPasswords verified;
    /** Checked for unknown users so that they take as long to refuse as a wrong password. */
    private volatile String decoyHash;

    @Activate
    public LocalAccountsProvider(@Reference(name = "directory") FacilityDirectory directory) {
        this(directory, new SecureRandom(), Clock.systemUTC());
    }

    LocalAccountsProvider(FacilityDirectory directory, SecureRandom random, Clock clock) {
        this.directory = directory;
        this.hashes = new Pbkdf2Hashes(random);
        this.verified = new VerifiedPasswords(CACHE_ENTRIES, CACHE_LIFETIME, clock);
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public Optional<String> authenticate(Credentials credentials) throws AuthenticationException {
        if (!(credentials instanceof PasswordCredentials password)) {
            return Optional.empty();
        }
        String username = password.username();
        Optional<String> stored = storedHash(username);
        if (stored.isEmpty()) {
            hashes.verify(password.password(), decoyHash());
            throw new AuthenticationException(INVALID);
        }
        String hash = stored.get();
        if (verified.contains(username, password.password(), hash)) {
            return Optional.of(username);
        }
        boolean matches;
        try {
            matches = hashes.verify(password.password(), hash);
        } catch (IllegalArgumentException e) {
            LOG.error("Password hash of local account '{}' is unreadable ({}); set a new password", username,
                    e.getMessage());
            throw new AuthenticationException(INVALID);
        }
        if (!matches) {
            throw new AuthenticationException(INVALID);
        }
        verified.remember(username, password.password(), hash);
        return Optional.of(username);
    }

    @Override
    public void setPassword(String username, String password) throws AuthenticationException {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password of '" + username + "' needs at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        try {
            if (directory.person(username).isEmpty()) {
                throw new AuthenticationException("No person '" + username
                        + "' in the facility directory; add the person before setting a password");
            }
            directory.setPasswordHash(username, hashes.hash(password));
        } catch (CatalogException e) {
            throw new AuthenticationException("Could not store the password of '" + username + "': "
                    + e.getMessage(), e);
        }
        LOG.info("Password of local account '{}' set", username);
    }

    private Optional<String> storedHash(String username) throws AuthenticationException {
        try {
            return directory.passwordHash(username);
        } catch (CatalogException e) {
            throw new AuthenticationException("Could not check the password: the facility directory failed ("
                    + e.getMessage() + ")", e);
        }
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hashes.hash("decoy password for unknown users");
            decoyHash = decoy;
        }
        return decoy;
    }
}
