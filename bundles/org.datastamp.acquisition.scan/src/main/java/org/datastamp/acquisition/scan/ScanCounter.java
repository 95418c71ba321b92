package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.datastamp.acquisition.api.ScanId;

/**
 * Hands out scan ids {@code scan-000001}, {@code scan-000002}, ... that stay unique across restarts: the last
 * number is kept in a small file, replaced atomically and flushed before the id is used.
 */
final class ScanCounter {

    private final Path file;

    ScanCounter(Path file) {
        this.file = file;
    }

    synchronized ScanId next() throws IOException {
        long next = last() + 1;
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ScanId(String.format("scan-%06d", next));
    }

    private long last() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds '" + text + "', not a scan number; write the number of the last"
                    + " scan taken into it", e);
        }
    }
}
