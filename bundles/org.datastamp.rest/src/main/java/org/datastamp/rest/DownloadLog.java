package org.datastamp.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every download, one JSON line in {@code <data dir>/downloads/downloads-YYYY-MM.jsonl}: time, dataset, kind (zip,
 * selection, file or subset), file path (a selection's paths one a line), bytes sent, whether it completed, the user (empty: anonymous). The dataset's usage statistics
 * are counted from these lines; appending a line is the only write, so a crash loses at most the line being written.
 */
final class DownloadLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    /**
     * A dataset's downloads.
     *
     * @param downloads  completed downloads (whole ZIPs, selections, files and HDF5 subsets)
     * @param zips       completed whole-dataset ZIPs
     * @param files      completed single files (or ranges of them, or HDF5 subsets of them)
     * @param selections completed ZIPs of selected files
     * @param bytes     bytes sent, completed or not
     * @param users     distinct signed-in users, anonymous visitors not counted
     */
    record Usage(long downloads, long zips, long files, long bytes, long users, long selections) {
    }

    private final Path folder;

    DownloadLog(Path folder) {
        this.folder = folder;
    }

    synchronized void record(Instant time, String datasetId, String kind, String path, long bytes, boolean complete,
            String user) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", time.toString());
        line.put("dataset", datasetId);
        line.put("kind", kind);
        line.put("path", path);
        line.put("bytes", bytes);
        line.put("complete", complete);
        line.put("user", user);
        try {
            Files.createDirectories(folder);
            try (Writer out = Files.newBufferedWriter(folder.resolve("downloads-" + MONTH.format(time) + ".jsonl"),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(line.toString());
                out.write('\n');
            }
        } catch (IOException e) {
            // statistics only: the download itself went through; say so where operators look
            org.slf4j.LoggerFactory.getLogger(DownloadLog.class).warn("Download of {} not counted: {}", datasetId,
                    e.getMessage());
        }
    }

    synchronized Usage usage(String datasetId) throws IOException {
        long downloads = 0;
        long zips = 0;
        long files = 0;
        long selections = 0;
        long bytes = 0;
        Map<String, Boolean> users = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return new Usage(0, 0, 0, 0, 0, 0);
        }
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(folder, "downloads-*.jsonl")) {
            for (Path log : logs) {
                try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                    for (String text = in.readLine(); text != null; text = in.readLine()) {
                        JsonNode line;
                        try {
                            line = JSON.readTree(text);
                        } catch (IOException e) {
                            continue; // a line cut short by a crash
                        }
                        if (line == null || !datasetId.equals(line.path("dataset").asText())) {
                            continue;
                        }
                        bytes += line.path("bytes").asLong();
                        if (line.path("complete").asBoolean()) {
                            downloads++;
                            String kind = line.path("kind").asText();
                            if ("zip".equals(kind)) {
                                zips++;
                            } else if ("selection".equals(kind)) {
                                selections++;
                            } else {
                                files++;
                            }
                        }
                        if (!line.path("user").asText().isEmpty()) {
                            users.put(line.path("user").asText(), true);
                        }
                    }
                }
            }
        }
        return new Usage(downloads, zips, files, bytes, users.size(), selections);
    }
}
