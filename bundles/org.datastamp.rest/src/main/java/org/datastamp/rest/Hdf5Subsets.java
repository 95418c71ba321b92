package org.datastamp.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.DataSubsetWriter;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.datastamp.visualization.api.VisualizationException;

/**
 * Partial HDF5 downloads: {@code GET /api/v1/datasets/{id}/files/{path}/subset?path=/entry/data/data&slice=0:10,:,:}
 * writes the hyperslab (numpy-style slice, as the {@code /data} view reads) with the dataset's attributes and its
 * parents' NeXus classes into a new HDF5 file ({@link DataSubsetWriter}, libhdf5), then streams it. The file is
 * written to a scratch folder first because HDF5 is not a streamable format; it is deleted once sent, and whatever a
 * crash left there is deleted at start. Access, recall (503) and the usage log are as for the other downloads.
 */
final class Hdf5Subsets {

    static final Pattern PATH = Pattern.compile("/([^/]+)/files/(.+)/subset");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 16;

    private final Supplier<Catalog> catalog;
    private final Supplier<DataSubsetWriter> writer;
    private final Supplier<DatasetFileLocator> locator;
    private final DownloadLog log;
    private final Path scratch;
    private final Clock clock;

    Hdf5Subsets(Supplier<Catalog> catalog, Supplier<DataSubsetWriter> writer, Supplier<DatasetFileLocator> locator,
            DownloadLog log, Path scratch, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.locator = locator;
        this.log = log;
        this.scratch = scratch;
        this.clock = clock;
    }

    static boolean handles(ApiRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    /** Deletes subsets a crash left in the scratch folder. */
    void clearScratch() throws IOException {
        if (Files.isDirectory(scratch)) {
            try (var stale = Files.newDirectoryStream(scratch, "*.h5")) {
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Writes and sends the subset.
     *
     * @throws ProblemException before anything is sent: 400 bad slice or missing {@code path}, 404 unknown or
     *                          invisible dataset, file or HDF5 dataset, 503 recall started or a service missing
     * @throws IOException      the client went away (the response is cut short)
     */
    void serve(ApiRequest request, boolean head, Downloads.Sink sink) throws ProblemException, IOException {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()));
        }
        request.requireMethod("GET");
        Dataset dataset = Downloads.visible(catalog.get(), m.group(1), request.viewer());
        String file = m.group(2);
        if (dataset.content().files().stream().map(Datafile::path).noneMatch(file::equals)) {
            throw new ProblemException(Problem.notFound("Dataset " + dataset.id().value() + " has no file '" + file
                    + "'"));
        }
        String dataPath = request.queryParameter("path").orElseThrow(() -> ViewParameters.bad("path",
                "Name the HDF5 dataset to cut with path=, e.g. path=/entry/data/data"));
        String slice = request.queryParameter("slice").orElse("");
        DataSubsetWriter current = DatasetFilesResource.require(writer.get(),
                "HDF5 subset writer (org.datastamp.visualization.hdf5)");
        DatasetFileLocator files = DatasetFilesResource.require(locator.get(),
                "file locator (org.datastamp.visualization.render)");
        Files.createDirectories(scratch);
        Path subset = scratch.resolve(UUID.randomUUID() + ".h5");
        try {
            FileLocation located = files.locate(dataset, file);
            if (located instanceof FileLocation.Recalling r) {
                throw recalling(dataset, file, r);
            }
            current.write(((FileLocation.Readable) located).file(), dataPath, slice, subset);
            send(dataset, file, dataPath, subset, request, head, sink);
        } catch (BadDataRequestException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()).with("field", "slice"));
        } catch (NoSuchNodeException e) {
            throw new ProblemException(Problem.notFound(e.getMessage()));
        } catch (DataUnavailableException e) {
            throw new ProblemException(Problem.unavailable(e.getMessage()), e);
        } catch (VisualizationException e) {
            throw new ProblemException(Problem.internalError(e.getMessage()), e);
        } finally {
            Files.deleteIfExists(subset);
        }
    }

    private void send(Dataset dataset, String file, String dataPath, Path subset, ApiRequest request, boolean head,
            Downloads.Sink sink) throws IOException {
        String base = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.[^.]*$", "");
        String name = (base + dataPath.replace('/', '_') + ".h5").replaceAll("[\"\\\\\\r\\n]", "_");
        long size = Files.size(subset);
        sink.status(200);
        sink.header("Content-Type", "application/x-hdf5");
        sink.header("Content-Length", Long.toString(size));
        sink.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (head) {
            return;
        }
        long sent = 0;
        boolean complete = false;
        try (InputStream in = Files.newInputStream(subset)) {
            OutputStream out = sink.body();
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                sent += n;
            }
            out.flush();
            complete = true;
        } finally {
            log.record(clock.instant(), dataset.id().value(), "subset", file + "#" + dataPath + "["
                    + request.queryParameter("slice").orElse("") + "]", sent, complete, request.viewer().username());
        }
    }

    /** 503 while the file comes back from tape, with the recall's status, as the other downloads answer. */
    private static ProblemException recalling(Dataset dataset, String file, FileLocation.Recalling r) {
        RecallStatus s = r.status();
        ObjectNode recall = JSON.createObjectNode();
        recall.put("ticket", s.ticket().id());
        recall.put("tier", r.tier());
        recall.put("state", s.state().name());
        recall.put("filesOnline", s.keysDone());
        recall.put("files", s.keysTotal());
        recall.put("eta", s.eta() == null ? null : s.eta().toString());
        return new ProblemException(Problem.unavailable("File " + file + " of dataset " + dataset.id().value()
                + " is archived and being recalled from " + r.tier() + "; ask again when the recall is done")
                .with("recall", recall), Map.of("Retry-After", "60"));
    }
}
