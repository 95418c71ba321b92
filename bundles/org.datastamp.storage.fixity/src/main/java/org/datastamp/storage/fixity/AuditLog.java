package org.datastamp.storage.fixity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditOutcome;
import org.datastamp.storage.api.AuditQuery;
import org.datastamp.storage.api.StorageException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit log: one JSON object per line, appended, never rewritten, so it can be read with {@code jq} or shipped to
 * a log store. Lines reach the device at {@link #sync()}, which the audit calls per page of objects before it moves
 * its cursor past them (a flush per line cost more than the audit of a small object): after a crash, lines not
 * synced belong to objects that are audited again. A line cut short by a crash is skipped when reading.
 */
final class AuditLog {

    /** The JSON shape of one line. */
    record Line(String time, String key, String backend, String outcome, String detail) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    AuditLog(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    synchronized void append(AuditEvent event) throws StorageException {
        Line line = new Line(event.time().toString(), event.key(), event.backendId(), event.outcome().name(),
                event.detail());
        try {
            byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Could not append to the audit log " + file + ": " + e, e);
        }
    }

    /** Makes every line appended so far durable. */
    synchronized void sync() throws StorageException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (IOException e) {
            throw new StorageException("Could not flush the audit log " + file + ": " + e, e);
        }
    }

    /** Entries matching the query, newest first; reads the file once, holding at most {@code limit} entries. */
    synchronized List<AuditEvent> query(AuditQuery query) throws StorageException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<AuditEvent> newest = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                AuditEvent event = parse(text);
                if (event != null && matches(event, query)) {
                    newest.addFirst(event);
                    if (newest.size() > query.limit()) {
                        newest.removeLast();
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageException("Could not read the audit log " + file + ": " + e, e);
        }
        return new ArrayList<>(newest);
    }

    private AuditEvent parse(String text) {
        try {
            Line line = json.readValue(text, Line.class);
            return new AuditEvent(Instant.parse(line.time()), line.key(), line.backend(),
                    AuditOutcome.valueOf(line.outcome()), line.detail());
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // the last line of a crash, cut short
        }
    }

    private static boolean matches(AuditEvent event, AuditQuery query) {
        return (query.since() == null || !event.time().isBefore(query.since()))
                && event.key().startsWith(query.keyPrefix())
                && (query.outcomes().isEmpty() || query.outcomes().contains(event.outcome()));
    }
}
