package org.datastamp.security.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

class Pbkdf2HashesTest {

    private final Pbkdf2Hashes hashes = new Pbkdf2Hashes(new SecureRandom());

    @Test
    void hashNamesSchemeIterationsSaltAndHash() {
        String[] parts = hashes.hash("correct horse").split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hashes.hash("correct horse"), hashes.hash("correct horse"));
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String stored = hashes.hash("correct horse");
        assertTrue(hashes.verify("correct horse", stored));
        assertFalse(hashes.verify("correct horsf", stored));
        assertFalse(hashes.verify("", stored));
    }

    @Test
    void verifiesWithTheIterationCountStoredInTheHash() throws Exception {
        // A hash written with fewer iterations (say, by an older release) still verifies: the count travels with it.
        byte[] salt = new byte[16];
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("correct horse".toCharArray(), salt, 1000, 256)).getEncoded();
        String b64Salt = Base64.getEncoder().encodeToString(salt);
        String b64Hash = Base64.getEncoder().encodeToString(hash);
        assertTrue(hashes.verify("correct horse", "pbkdf2-sha256$1000$" + b64Salt + "$" + b64Hash));
        assertFalse(hashes.verify("correct horse", "pbkdf2-sha256$1001$" + b64Salt + "$" + b64Hash));
    }

    @Test
    void refusesAHashOfAnotherFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hashes.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertTrue(e.getMessage().contains("pbkdf2-sha256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hashes.verify("x", "pbkdf2-sha256$many$AAAA$AAAA"));
    }
}
