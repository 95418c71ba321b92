package org.datastamp.storage.s3;

import java.util.Base64;
import java.util.zip.CRC32C;

/** CRC32C values as S3 spells them: base64 of the four big-endian bytes. */
final class Crc32c {

    private Crc32c() {
    }

    static String base64(CRC32C crc) {
        long v = crc.getValue();
        byte[] bytes = { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v };
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String base64(byte[] data, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        return base64(crc);
    }
}
