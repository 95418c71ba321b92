package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recall tickets on disk, one small JSON file per ticket ({@code <ticket>.json}), so a restart keeps answering for
 * them and finishes their restores. Only what the request was is kept (who asked, when, which datasets): where each
 * dataset stands is read from the catalogue's copy records, which are journaled there already.
 */
final class RecallJournal {

    private static final Logger LOG = LoggerFactory.getLogger(RecallJournal.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUFFIX = ".json";

    /** One recorded request. */
    record Entry(String ticket, String requester, Instant created, List<String> datasetIds) {
    }

    private final Path dir;

    RecallJournal(Path dir) {
        this.dir = dir;
    }

    /** Writes the entry in full before it counts (temporary file, then an atomic rename). */
    void write(Entry entry) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ticket", entry.ticket());
        root.put("requester", entry.requester());
        root.put("created", entry.created().toString());
        entry.datasetIds().forEach(root.withArray("datasetIds")::add);
        Path file = file(entry.ticket());
        Path temporary = dir.resolve(entry.ticket() + ".tmp");
        Files.write(temporary, MAPPER.writeValueAsBytes(root));
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void delete(String ticket) {
        try {
            Files.deleteIfExists(file(ticket));
        } catch (IOException e) {
            LOG.warn("Could not delete the journal of recall {} ({}); it is loaded again on the next start",
                    ticket, e.toString());
        }
    }

    /** Every readable entry, oldest first; unreadable files and leftover temporary files are logged and skipped. */
    List<Entry> load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(SUFFIX)) {
                    Files.deleteIfExists(f); // a write a crash interrupted: the request was never answered
                    continue;
                }
                try {
                    JsonNode root = MAPPER.readTree(f.toFile());
                    List<String> ids = new ArrayList<>();
                    root.path("datasetIds").forEach(n -> ids.add(n.asText()));
                    entries.add(new Entry(root.path("ticket").asText(), root.path("requester").asText(),
                            Instant.parse(root.path("created").asText()), List.copyOf(ids)));
                } catch (IOException | RuntimeException e) {
                    LOG.error("Recall journal {} is unreadable and ignored: {}", f, e.toString());
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::created));
        return entries;
    }

    private Path file(String ticket) {
        return dir.resolve(ticket + SUFFIX);
    }
}
