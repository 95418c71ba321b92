package org.datastamp.analytics.api;

import java.util.List;

import org.datastamp.catalog.api.MetadataEntry;

/**
 * What a plugin made; the job service catalogues it as a derived dataset.
 *
 * @param title       the derived dataset's title
 * @param description what it holds
 * @param technique   technique, empty to inherit the first input's
 * @param files       files written, relative to the output directory
 * @param metadata    scientific metadata of the result (the job service adds the provenance entries)
 */
public record ProcessingResult(String title, String description, String technique, List<String> files,
        List<MetadataEntry> metadata) {

    public ProcessingResult {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A processing result needs a title");
        }
        description = description == null ? "" : description;
        technique = technique == null ? "" : technique;
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Processing result '" + title + "' names no files");
        }
        metadata = List.copyOf(metadata);
    }
}
