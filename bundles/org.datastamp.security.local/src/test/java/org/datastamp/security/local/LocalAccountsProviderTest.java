package org.datastamp.security.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Role;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.BearerToken;
import org.datastamp.security.api.PasswordCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalAccountsProviderTest {

    private final FakeDirectory directory = new FakeDirectory();
    private final MutableClock clock = new MutableClock();
    private final LocalAccountsProvider accounts = new LocalAccountsProvider(directory, new SecureRandom(), clock);

    @BeforeEach
    void addJane() throws Exception {
        directory.savePerson(new Person("jdoe", "Jane Doe", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        accounts.setPassword("jdoe", "s3cret-pass");
    }

    @Test
    void storesASelfDescribingPbkdf2Hash() {
        String stored = directory.hashes.get("jdoe");
        assertTrue(stored.matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+"), stored);
        assertTrue(!stored.contains("s3cret-pass"));
    }

    @Test
    void rightPasswordYieldsTheUserName() throws Exception {
        assertEquals(Optional.of("jdoe"), accounts.authenticate(new PasswordCredentials("jdoe", "s3cret-pass")));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> accounts.authenticate(new PasswordCredentials("jdoe", "not-the-pass")));
        AuthenticationException unknown = assertThrows(AuthenticationException.class,
                () -> accounts.authenticate(new PasswordCredentials("nobody", "s3cret-pass")));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(LocalAccountsProvider.INVALID, wrong.getMessage());
    }

    @Test
    void personWithoutPasswordCannotLogIn() throws Exception {
        directory.savePerson(new Person("nopass", "No Pass", "", "", "", Set.of(), Set.of()));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> accounts.authenticate(new PasswordCredentials("nopass", "")));
        assertEquals(LocalAccountsProvider.INVALID, e.getMessage());
    }

    @Test
    void bearerTokensAreLeftToOtherProviders() throws Exception {
        assertEquals(Optional.empty(), accounts.authenticate(new BearerToken("eyJhbGciOi.x.y")));
    }

    @Test
    void shortPasswordsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> accounts.setPassword("jdoe", "1234567"));
        assertTrue(e.getMessage().contains("8 characters"), e.getMessage());
    }

    @Test
    void passwordOfAnUnknownPersonIsRefused() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> accounts.setPassword("ghost", "long-enough"));
        assertTrue(e.getMessage().contains("ghost"), e.getMessage());
        assertTrue(directory.hashes.get("ghost") == null);
    }

    @Test
    void changedPasswordInvalidatesTheCachedVerification() throws Exception {
        PasswordCredentials old = new PasswordCredentials("jdoe", "s3cret-pass");
        accounts.authenticate(old);
        accounts.authenticate(old); // now answered from the cache
        String before = directory.hashes.get("jdoe");

        accounts.setPassword("jdoe", "brand-new-pass");

        assertNotEquals(before, directory.hashes.get("jdoe"));
        assertThrows(AuthenticationException.class, () -> accounts.authenticate(old));
        assertEquals(Optional.of("jdoe"), accounts.authenticate(new PasswordCredentials("jdoe", "brand-new-pass")));
    }

    @Test
    void cachedVerificationDoesNotAcceptAnotherPassword() throws Exception {
        accounts.authenticate(new PasswordCredentials("jdoe", "s3cret-pass"));
        assertThrows(AuthenticationException.class,
                () -> accounts.authenticate(new PasswordCredentials("jdoe", "s3cret-pasS")));
    }

    @Test
    void hashChangedBehindTheServiceInvalidatesTheCache() throws Exception {
        // e.g. an administrator reset the password through another node sharing the database
        PasswordCredentials credentials = new PasswordCredentials("jdoe", "s3cret-pass");
        accounts.authenticate(credentials);
        directory.hashes.put("jdoe", new Pbkdf2Hashes(new SecureRandom()).hash("other-password"));
        assertThrows(AuthenticationException.class, () -> accounts.authenticate(credentials));
    }

    @Test
    void cacheEntriesExpire() {
        VerifiedPasswords cache = new VerifiedPasswords(10, Duration.ofMinutes(5), clock);
        cache.remember("jdoe", "pw", "hash");
        clock.advance(Duration.ofMinutes(4));
        assertTrue(cache.contains("jdoe", "pw", "hash"));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(!cache.contains("jdoe", "pw", "hash"));
    }

    @Test
    void cacheIsBoundedAndDropsTheLeastRecentlyUsed() {
        VerifiedPasswords cache = new VerifiedPasswords(2, Duration.ofMinutes(5), clock);
        cache.remember("a", "pw", "h");
        cache.remember("b", "pw", "h");
        assertTrue(cache.contains("a", "pw", "h"));
        cache.remember("c", "pw", "h");
        assertEquals(2, cache.size());
        assertTrue(cache.contains("a", "pw", "h"));
        assertTrue(!cache.contains("b", "pw", "h"));
        assertTrue(cache.contains("c", "pw", "h"));
    }
}
