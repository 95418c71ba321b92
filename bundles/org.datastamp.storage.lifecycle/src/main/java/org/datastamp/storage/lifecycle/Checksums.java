package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.datastamp.storage.api.StorageException;

/** Digests as the catalogue records them: lower-case hex, algorithm named as Java does (SHA-256). */
final class Checksums {

    private Checksums() {
    }

    static MessageDigest digest(String algorithm) throws StorageException {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new StorageException("Checksum algorithm '" + algorithm + "' is not known to this Java runtime;"
                    + " the catalogue's files should use SHA-256", e);
        }
    }

    /** Reads the stream to its end and closes it. */
    static String of(InputStream in, String algorithm) throws StorageException, IOException {
        MessageDigest digest = digest(algorithm);
        // 1 MiB reads: a sixteenth of the system calls of transferTo's 16 KiB buffer
        byte[] buffer = new byte[1 << 20];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    static String sha256(byte[] bytes) throws StorageException {
        MessageDigest digest = digest("SHA-256");
        digest.update(bytes);
        return hex(digest);
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
