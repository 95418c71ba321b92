package org.datastamp.security.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent successful password checks, so a REST client sending HTTP Basic on every request does not pay for a slow
 * PBKDF2 each time. An entry is keyed by user name, a SHA-256 of the password and the stored hash: a changed
 * password (new stored hash) or a different password never matches an old entry. Bounded (least recently used
 * entries go first) and expiring.
 */
final class VerifiedPasswords {

    private final int capacity;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Instant> expiries;

    VerifiedPasswords(int capacity, Duration lifetime, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.lifetime = lifetime;
        this.clock = clock;
        this.expiries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Whether this exact password was verified against this exact stored hash recently. */
    synchronized boolean contains(String username, String password, String storedHash) {
        String key = key(username, password, storedHash);
        Instant expiry = expiries.get(key);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(key);
            return false;
        }
        return true;
    }

    synchronized void remember(String username, String password, String storedHash) {
        expiries.put(key(username, password, storedHash), clock.instant().plus(lifetime));
        while (expiries.size() > capacity) {
            expiries.remove(expiries.keySet().iterator().next());
        }
    }

    synchronized int size() {
        return expiries.size();
    }

    private static String key(String username, String password, String storedHash) {
        return username + '\0' + sha256(password) + '\0' + storedHash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
