package org.datastamp.storage.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The digests an object's bytes must have: SHA-256 (what the catalogue records, {@code Datafile.checksum}) and
 * optionally CRC32C (fast; what S3 verifies on upload). Both as lower-case hex.
 *
 * @param sha256 64 lower-case hex digits
 * @param crc32c 8 lower-case hex digits (big-endian value), or {@code null} when only SHA-256 is known (e.g. a
 *               catalogue entry written before fixity existed)
 */
public record Checksums(String sha256, String crc32c) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CRC32C = Pattern.compile("[0-9a-f]{8}");

    public Checksums {
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("SHA-256 '" + sha256 + "' is not 64 lower-case hex digits");
        }
        if (crc32c != null && !CRC32C.matcher(crc32c).matches()) {
            throw new IllegalArgumentException("CRC32C '" + crc32c + "' is not 8 lower-case hex digits");
        }
    }

    /**
     * Whether {@code actual} (computed from a copy's bytes) agrees with these expected digests: SHA-256 must be
     * equal, CRC32C only where both sides know it.
     */
    public boolean matchedBy(Checksums actual) {
        return sha256.equals(actual.sha256()) && (crc32c == null || actual.crc32c() == null
                || crc32c.equals(actual.crc32c()));
    }
}
