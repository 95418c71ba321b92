package org.datastamp.storage.fixity;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

import org.datastamp.storage.api.Checksums;

/**
 * Computes SHA-256 and CRC32C of the bytes passing through, in the one read that stores or audits them. With an
 * expectation, a mismatch (or a length that differs) is thrown as an {@link IOException} in place of the end of the
 * stream: a backend being fed the stream never sees a complete object and so never commits bad bytes.
 */
final class DigestingInputStream extends FilterInputStream {

    private final MessageDigest sha256;
    private final CRC32C crc32c = new CRC32C();
    private final Throttle throttle;
    private final Checksums expected;
    private final long expectedSize;
    private final String description;
    private long count;
    private Checksums result;

    /** Digests only. */
    DigestingInputStream(InputStream in, Throttle throttle) {
        this(in, throttle, null, -1, "");
    }

    /**
     * @param expected     digests the bytes must have, or {@code null} to only compute them
     * @param expectedSize length they must have, or -1
     * @param description  names the object in a mismatch message
     */
    DigestingInputStream(InputStream in, Throttle throttle, Checksums expected, long expectedSize,
            String description) {
        super(in);
        this.throttle = throttle;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.description = description;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            finish();
            return -1;
        }
        sha256.update(buffer, offset, n);
        crc32c.update(buffer, offset, n);
        count += n;
        throttle.acquire(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("Skipping would leave bytes out of the checksums");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads (and so digests) everything left, in large blocks: an audit reads copies only for their checksums. */
    void readToEnd() throws IOException {
        byte[] buffer = new byte[256 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // digested in read
        }
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    /** The digests of all bytes, once the end has been read. */
    Checksums checksums() {
        if (result == null) {
            throw new IllegalStateException("The stream was not read to its end: " + count + " bytes so far");
        }
        return result;
    }

    private void finish() throws IOException {
        if (result != null) {
            return;
        }
        Checksums actual = new Checksums(HexFormat.of().formatHex(sha256.digest()),
                String.format("%08x", crc32c.getValue()));
        if (expectedSize >= 0 && count != expectedSize) {
            throw new IOException(description + ": " + count + " bytes read, " + expectedSize + " expected");
        }
        if (expected != null && !expected.matchedBy(actual)) {
            throw new IOException(description + ": SHA-256 " + actual.sha256() + " / CRC32C " + actual.crc32c()
                    + " where " + expected.sha256() + " / " + expected.crc32c() + " is recorded");
        }
        result = actual;
    }
}
