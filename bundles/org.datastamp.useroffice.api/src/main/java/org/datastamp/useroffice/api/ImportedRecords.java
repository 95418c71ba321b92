package org.datastamp.useroffice.api;

import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.DirectoryBatch;

/**
 * What an importer read.
 *
 * @param directory   people, proposals, sessions and plain samples for the catalogue's directory
 * @param allocations block allocations (with their sessions)
 * @param samples     sample sheets (composition, safety) of the directory's samples
 * @param lines       the line each record came from, keyed {@code kind:id} (e.g. {@code session:S1}), so that
 *                    checks after reading (references to proposals, sessions) still name the line
 */
public record ImportedRecords(DirectoryBatch directory, List<Allocation> allocations, List<SampleSheet> samples,
        Map<String, Integer> lines) {

    public ImportedRecords {
        java.util.Objects.requireNonNull(directory, "directory");
        allocations = List.copyOf(allocations);
        samples = List.copyOf(samples);
        lines = Map.copyOf(lines);
    }

    /** The line of a record, 0 if unknown. */
    public int line(String kind, String id) {
        return lines.getOrDefault(kind + ":" + id, 0);
    }
}
