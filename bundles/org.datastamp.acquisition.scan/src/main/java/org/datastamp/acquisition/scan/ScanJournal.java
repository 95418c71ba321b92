package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.catalog.api.MetadataEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a scan in progress leaves behind if the process dies: {@code <staging>/<scanId>.scan.json}, written when
 * the scan starts, rewritten when its files are finished or recovered, and deleted once the dataset is recorded
 * (or the scan ends otherwise). A journal found at start-up is a scan interrupted by a crash; see
 * {@link ScanRecovery}. Times are ISO-8601 text, metadata values numbers, text, booleans or lists of those.
 *
 * @param scanId     the scan
 * @param datasetId  the id its dataset is recorded under, chosen at start so a repeated recovery records it once
 * @param writer     {@link #JHDF} (the built-in writer, which writes nothing before the end) or {@link #STREAMING}
 * @param request    what was asked
 * @param instrument beamline
 * @param definition application definition the beamline's configuration names, empty for none
 * @param masterFile the master file's path
 * @param start      scan start
 * @param metadata   the dataset's metadata known at start (scan, detector, readings at start)
 * @param outcome    set once the files are finished or recovered; {@code null} while acquiring
 */
record ScanJournal(String scanId, String datasetId, String writer, ScanRequest request, String instrument, String definition,
        String masterFile, String start, List<Entry> metadata, Outcome outcome) {

    static final String JHDF = "jhdf";
    static final String STREAMING = "streaming";
    static final String SUFFIX = ".scan.json";

    /** A {@link MetadataEntry} as JSON. */
    record Entry(String name, Object value, String unit) {
        static List<Entry> of(List<MetadataEntry> entries) {
            return entries.stream().map(e -> new Entry(e.name(), e.value(), e.unit())).toList();
        }

        static List<MetadataEntry> toMetadata(List<Entry> entries) {
            return entries.stream().map(e -> new MetadataEntry(e.name(), e.value(), e.unit())).toList();
        }
    }

    /**
     * The scan's files once they are closed for good.
     *
     * @param complete whether they were finished normally (else recovered after a crash)
     * @param frames   frames they hold
     * @param files    master file first, then data files
     * @param end      scan end (for a recovered scan: when the master file was last written)
     * @param metadata the dataset's complete metadata
     */
    record Outcome(boolean complete, long frames, List<String> files, String end, List<Entry> metadata) {
        Outcome {
            files = List.copyOf(files);
            metadata = List.copyOf(metadata);
        }
    }

    ScanJournal {
        metadata = List.copyOf(metadata);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ScanJournal withOutcome(Outcome o) {
        return new ScanJournal(scanId, datasetId, writer, request, instrument, definition, masterFile, start, metadata, o);
    }

    /** Writes the journal to {@code file} atomically and durably: a crash leaves the old or the new one. */
    void write(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IOException("Could not encode the journal of scan " + scanId + ": " + e.getMessage(), e);
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static ScanJournal read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), ScanJournal.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Could not read scan journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The journals in {@code staging}, sorted by name (so by scan number). */
    static List<Path> list(Path staging) throws IOException {
        List<Path> journals = new ArrayList<>();
        if (!Files.isDirectory(staging)) {
            return journals;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging, "*" + SUFFIX)) {
            files.forEach(journals::add);
        }
        journals.sort(null);
        return journals;
    }
}
