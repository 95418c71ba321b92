package org.datastamp.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Passes an object's bytes through and, at the end, compares their CRC32C with the one the store recorded at upload;
 * a mismatch is an {@link IOException} instead of a normal end, so a reader never takes damaged bytes as complete.
 * (The SDK also checks single-part objects; it cannot always check multipart ones.)
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String expectedBase64;
    private final String description;
    private final CRC32C crc = new CRC32C();
    private boolean verified;

    VerifyingInputStream(InputStream in, String expectedBase64, String description) {
        super(in);
        this.expectedBase64 = expectedBase64;
        this.description = description;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (RuntimeException e) {
            throw unchecked(e);
        }
        if (b < 0) {
            verify();
        } else {
            crc.update(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (RuntimeException e) {
            throw unchecked(e);
        }
        if (n < 0) {
            verify();
        } else {
            crc.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be counted, so read them.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * The SDK checks the same CRC32C itself when it can, and reports a mismatch (or a broken connection) as an
     * unchecked exception from {@code read}; readers of an InputStream expect an IOException.
     */
    private IOException unchecked(RuntimeException e) {
        return new IOException(description + ": " + e.getMessage() + " (the bytes differ from the CRC32C recorded at"
                + " upload, or the connection broke)", e);
    }

    private void verify() throws IOException {
        if (verified) {
            return;
        }
        String actual = Crc32c.base64(crc);
        if (!actual.equals(expectedBase64)) {
            throw new IOException(description + ": CRC32C of the bytes read is " + actual + " but the store recorded "
                    + expectedBase64 + " at upload; the object is damaged or was cut short");
        }
        verified = true;
    }
}
