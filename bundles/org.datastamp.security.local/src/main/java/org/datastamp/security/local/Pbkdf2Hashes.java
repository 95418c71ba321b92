package org.datastamp.security.local;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2-HMAC-SHA256, stored as a self-describing string
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}. Because the iteration count travels with each hash,
 * raising {@link #ITERATIONS} later leaves existing passwords verifiable.
 */
final class Pbkdf2Hashes {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random;

    Pbkdf2Hashes(SecureRandom random) {
        this.random = random;
    }

    /** A new hash of the password with a fresh random salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS, HASH_BYTES);
        return SCHEME + "$" + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored hash; the comparison takes the same time wherever the bytes differ.
     *
     * @throws IllegalArgumentException when the stored hash is not in this class's format
     */
    boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("Stored password hash is not of the form " + SCHEME
                    + "$<iterations>$<salt>$<hash>");
        }
        int iterations;
        byte[] salt;
        byte[] expected;
        try {
            iterations = Integer.parseInt(parts[1]);
            salt = DECODER.decode(parts[2]);
            expected = DECODER.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Stored password hash has an unreadable iteration count, salt or hash",
                    e);
        }
        if (iterations < 1 || salt.length == 0 || expected.length == 0) {
            throw new IllegalArgumentException("Stored password hash has an empty salt or hash, or no iterations");
        }
        byte[] actual = derive(password, salt, iterations, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret((KeySpec) spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE 8+ runtime must provide PBKDF2WithHmacSHA256; its absence is a broken JVM.
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
