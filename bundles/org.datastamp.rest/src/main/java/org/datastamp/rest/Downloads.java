package org.datastamp.rest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;

/**
 * Dataset downloads under {@code /api/v1/datasets/{id}}: {@code /download}, the whole dataset as a ZIP streamed
 * straight from storage (constant memory, no temporary copy; entries written with the deflate method at level 0 by
 * default, since detector data is compressed already, so the ZIP costs a CRC and a copy); {@code /files/{path}}, one
 * file with HTTP Range support for resumed downloads; {@code /usage}, the dataset's download counts. The access rule
 * applies as for reading the dataset; every download is counted in the {@link DownloadLog}. {@code /download} with
 * {@code ?file=a.nxs&file=b/c.h5} (or a POST of a JSON list of paths, for selections too long for a URL) streams only
 * the selected files, the same way.
 */
final class Downloads {

    /** The response a download writes: status and headers first, then the body (not for HEAD). */
    interface Sink {
        void status(int status);

        void header(String name, String value);

        OutputStream body() throws IOException;
    }

    private static final int BUFFER = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Catalog> catalog;
    private final DatasetFiles files;
    private final DownloadLog log;
    private final int zipLevel;
    private final Clock clock;

    Downloads(Supplier<Catalog> catalog, DatasetFiles files, DownloadLog log, int zipLevel, Clock clock) {
        this.catalog = catalog;
        this.files = files;
        this.log = log;
        this.zipLevel = zipLevel;
        this.clock = clock;
    }

    /** Whether the request is one of ours: {@code /{id}/download}, {@code /{id}/files/...}, {@code /{id}/usage}. */
    static boolean handles(ApiRequest request) {
        String[] parts = request.path().split("/", 4);
        return parts.length >= 3 && (parts[2].equals("download") && parts.length == 3 || parts[2].equals("files")
                && parts.length == 4 || parts[2].equals("usage") && parts.length == 3);
    }

    /**
     * Answers a download request.
     *
     * @throws ProblemException before anything is written: 404 unknown or invisible dataset or file, 405, 416, 503
     *                          (storage not running, files being recalled)
     * @throws IOException      the client went away or storage failed mid-stream (the response is cut short)
     */
    void serve(ApiRequest request, String range, boolean head, Sink sink) throws ProblemException, IOException {
        serve(request, List.of(), range, head, sink);
    }

    /**
     * Answers a download request; {@code selected} are the {@code file} query parameters (all of them, which
     * {@link ApiRequest#query()} does not keep), a selection of files for {@code /download}.
     *
     * @throws ProblemException as {@link #serve(ApiRequest, String, boolean, Sink)}, and 400 for a selection naming
     *                          files the dataset does not have
     */
    void serve(ApiRequest request, List<String> selected, String range, boolean head, Sink sink)
            throws ProblemException, IOException {
        String[] parts = request.path().split("/", 4);
        if (parts.length == 3 && parts[2].equals("download")) {
            request.requireMethod("GET", "POST");
        } else {
            request.requireMethod("GET");
        }
        Dataset dataset = dataset(parts[1], request.viewer());
        List<String> names = request.method().equals("POST") ? FileSelection.fromBody(request.body()) : selected;
        switch (parts[2]) {
            case "download" -> zip(dataset, FileSelection.pick(dataset, names), names.isEmpty() ? "zip" : "selection",
                    request.viewer(), head, sink);
            case "usage" -> usage(dataset, sink, head);
            // the container decoded the path already: a file named "a%20b" stays that
            default -> file(dataset, parts[3], request.viewer(), range, head, sink);
        }
    }

    private Dataset dataset(String id, Viewer viewer) throws ProblemException {
        return visible(catalog.get(), id, viewer);
    }

    /** The dataset, if {@code viewer} may see it; else 404 as for an unknown id (503 without a catalogue). */
    static Dataset visible(Catalog current, String id, Viewer viewer) throws ProblemException {
        if (current == null) {
            throw new ProblemException(Problem.unavailable("The catalogue is not running"));
        }
        try {
            return current.find(new DatasetId(id), viewer).orElseThrow(() -> new ProblemException(
                    Problem.notFound("No dataset " + id)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.notFound("No dataset " + id), e);
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The catalogue", e);
        }
    }

    private void zip(Dataset dataset, List<Datafile> chosen, String kind, Viewer viewer, boolean head, Sink sink)
            throws ProblemException, IOException {
        StorageBackend backend = files.backend(dataset);
        files.requireOnline(dataset, backend, chosen);
        String name = dataset.id().value();
        sink.status(200);
        sink.header("Content-Type", "application/zip");
        sink.header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
        if (head) {
            return;
        }
        CountingStream counted = new CountingStream(sink.body());
        boolean complete = false;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(counted, BUFFER))) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(zipLevel);
            byte[] buffer = new byte[BUFFER];
            for (Datafile f : chosen) {
                ZipEntry entry = new ZipEntry(name + "/" + f.path());
                entry.setTime(f.modified().toEpochMilli());
                zip.putNextEntry(entry);
                try (InputStream in = openMidStream(backend, dataset, f)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        zip.write(buffer, 0, n);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
            complete = true;
        } finally {
            String paths = kind.equals("zip") ? "" : String.join("\n", chosen.stream().map(Datafile::path).toList());
            log.record(clock.instant(), name, kind, paths, counted.count, complete, viewer.username());
        }
    }

    private void file(Dataset dataset, String path, Viewer viewer, String rangeHeader, boolean head, Sink sink)
            throws ProblemException, IOException {
        Datafile file = dataset.content().files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("Dataset " + dataset.id().value()
                        + " has no file " + path)));
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(rangeHeader, file.size());
        } catch (ByteRange.Unsatisfiable e) {
            throw new ProblemException(new Problem(416, "Range Not Satisfiable", e.getMessage()),
                    Map.of("Content-Range", "bytes */" + e.size()));
        }
        StorageBackend backend = files.backend(dataset);
        files.requireOnline(dataset, backend, List.of(file));
        InputStream in = open(backend, dataset, file);
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.size());
        sink.status(range.isPresent() ? 206 : 200);
        sink.header("Content-Type", "application/octet-stream");
        sink.header("Accept-Ranges", "bytes");
        sink.header("Content-Length", Long.toString(length));
        sink.header("ETag", "\"" + file.checksumAlgorithm().toLowerCase(java.util.Locale.ROOT) + "-" + file.checksum()
                + "\"");
        String fileName = path.substring(path.lastIndexOf('/') + 1).replaceAll("[\"\\\\\\r\\n]", "_");
        sink.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        range.ifPresent(r -> sink.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + file.size()));
        if (head) {
            in.close();
            return;
        }
        long sent = 0;
        boolean complete = false;
        try (in) {
            in.skipNBytes(first);
            OutputStream out = sink.body();
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(1, length))];
            while (sent < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
                if (n < 0) {
                    throw new IOException("File " + path + " of dataset " + dataset.id().value() + " ended at byte "
                            + (first + sent) + ", before the catalogued size " + file.size());
                }
                out.write(buffer, 0, n);
                sent += n;
            }
            out.flush();
            complete = true;
        } finally {
            log.record(clock.instant(), dataset.id().value(), "file", path, sent, complete, viewer.username());
        }
    }

    /** Opens a file before anything is written: failures are still answered as problems. */
    private static InputStream open(StorageBackend backend, Dataset dataset, Datafile file) throws ProblemException {
        try {
            return backend.get(DatasetFiles.key(dataset, file));
        } catch (ObjectOfflineException e) {
            throw DatasetFiles.recalling(dataset, (RecallableBackend) backend, e.ticket(), 1);
        } catch (StorageException e) {
            throw new ProblemException(Problem.internalError("Storage tier " + backend.capabilityId()
                    + " could not read " + file.path() + " of dataset " + dataset.id().value() + ": "
                    + e.getMessage()), e);
        }
    }

    /** Opens the next file of a ZIP being written: a failure can only cut the response short. */
    private static InputStream openMidStream(StorageBackend backend, Dataset dataset, Datafile file)
            throws IOException {
        try {
            return open(backend, dataset, file);
        } catch (ProblemException e) {
            throw new IOException(e.problem().detail(), e);
        }
    }

    private void usage(Dataset dataset, Sink sink, boolean head) throws IOException {
        DownloadLog.Usage usage = log.usage(dataset.id().value());
        ObjectNode json = JSON.createObjectNode();
        json.put("dataset", dataset.id().value());
        json.put("downloads", usage.downloads());
        json.put("zipDownloads", usage.zips());
        json.put("fileDownloads", usage.files());
        json.put("selectionDownloads", usage.selections());
        json.put("bytesSent", usage.bytes());
        json.put("users", usage.users());
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        sink.status(200);
        sink.header("Content-Type", "application/json");
        sink.header("Content-Length", Integer.toString(body.length));
        if (!head) {
            sink.body().write(body);
        }
    }

    /** Counts what reaches the client, for the download log. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    static int defaultLevel() {
        return Deflater.NO_COMPRESSION;
    }
}
