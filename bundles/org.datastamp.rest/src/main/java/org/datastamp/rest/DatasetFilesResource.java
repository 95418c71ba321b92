package org.datastamp.rest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.detector.api.Frame;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.datastamp.visualization.api.VisualizationException;
import org.datastamp.visualization.api.VisualizerRegistry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dataset's files, viewed: {@code GET /api/v1/datasets/{id}/files/{path}/tree} is the HDF5/NeXus tree,
 * {@code GET /api/v1/datasets/{id}/files/{path}/data?path=&slice=&format=&width=&height=&binning=&colormap=&scale=&contrast=}
 * a slice of one dataset as an image, a binary array, JSON values or statistics. The caller sees a file only if the
 * catalogue lets them see its dataset (else the same 404 as an unknown id); a file on tape answers 202 with the recall
 * it started.
 */
final class DatasetFilesResource {

    static final Pattern PATH = Pattern.compile("/([^/]+)/files/(.+)/(tree|data)");
    static final int RETRY_AFTER_SECONDS = 30;

    private final Supplier<Catalog> catalog;
    private final Supplier<DataFileReader> reader;
    private final Supplier<ArrayRenderer> renderer;
    private final Supplier<VisualizerRegistry> visualizers;
    private final Supplier<DatasetFileLocator> files;

    DatasetFilesResource(Supplier<Catalog> catalog, Supplier<DataFileReader> reader, Supplier<ArrayRenderer> renderer,
            Supplier<VisualizerRegistry> visualizers, Supplier<DatasetFileLocator> files) {
        this.catalog = catalog;
        this.reader = reader;
        this.renderer = renderer;
        this.visualizers = visualizers;
        this.files = files;
    }

    /** A view of a file ({@code {id}/files/{path}/tree} or {@code /data}); other file paths are downloads. */
    static boolean handles(ApiRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    ApiResponse handle(ApiRequest request) throws ProblemException {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            throw new ProblemException(Problem.notFound("Nothing at " + request.resourcePath() + request.path()
                    + "; a file is viewed at {id}/files/{path}/tree or {id}/files/{path}/data"));
        }
        request.requireMethod("GET");
        Dataset dataset = visibleDataset(request, m.group(1));
        String file = m.group(2);
        if (dataset.content().files().stream().map(Datafile::path).noneMatch(file::equals)) {
            throw new ProblemException(Problem.notFound("Dataset " + dataset.id().value() + " has no file '" + file
                    + "'"));
        }
        DatasetFileLocator locator = require(files.get(), "file locator (org.datastamp.visualization.render)");
        DataFileReader current = require(reader.get(), "HDF5 reader (org.datastamp.visualization.hdf5)");
        try {
            FileLocation located = locator.locate(dataset, file);
            if (located instanceof FileLocation.Recalling r) {
                return recalling(file, r);
            }
            Path local = ((FileLocation.Readable) located).file();
            if (m.group(3).equals("tree")) {
                VisualizerRegistry registry = visualizers.get();
                return ApiResponse.ok(TreeJson.tree(file, current.tree(local),
                        d -> registry == null ? List.of() : registry.visualizersFor(d)));
            }
            String dataPath = request.queryParameter("path").orElseThrow(() -> ViewParameters.bad("path",
                    "Name the dataset to read with path=, e.g. path=/entry/data/data"));
            ViewParameters view = ViewParameters.from(request);
            String slice = request.queryParameter("slice").orElse("");
            ArrayRenderer r = require(renderer.get(), "array renderer (org.datastamp.visualization.render)");
            // a whole detector frame is binned while its chunk decodes: the overview never holds it decoded
            Optional<Frame> stored = view.format().equals("json") ? Optional.empty()
                    : current.storedFrame(local, dataPath, slice);
            if (stored.isPresent()) {
                Frame frame = stored.get();
                return ArrayAnswers.answer(r.framePlane(frame, view.width(), view.height(), view.binning()), new int[] {
                    frame.geometry().height(), frame.geometry().width()}, view, r, Map.of());
            }
            return ArrayAnswers.answer(current.read(local, dataPath, slice), view, r, Map.of());
        } catch (BadDataRequestException e) {
            throw new ProblemException(Problem.badRequest(e.getMessage()));
        } catch (DataUnavailableException e) {
            throw new ProblemException(Problem.unavailable(e.getMessage()), e);
        } catch (NoSuchNodeException e) {
            throw new ProblemException(Problem.notFound(e.getMessage()));
        } catch (VisualizationException e) {
            throw new ProblemException(Problem.internalError(e.getMessage()), e);
        }
    }

    private Dataset visibleDataset(ApiRequest request, String text) throws ProblemException {
        Catalog current = require(catalog.get(), "catalogue");
        try {
            Optional<Dataset> found = current.find(new DatasetId(text), request.viewer());
            return found.orElseThrow(() -> new ProblemException(Problem.notFound("No dataset '" + text + "'")));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.notFound("No dataset '" + text + "': " + e.getMessage()));
        } catch (CatalogException e) {
            throw CatalogErrors.problem("The catalogue", e);
        }
    }

    private static ApiResponse recalling(String file, FileLocation.Recalling r) {
        RecallStatus s = r.status();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("file", file);
        json.put("status", "RECALLING");
        ObjectNode recall = json.putObject("recall");
        recall.put("tier", r.tier());
        recall.put("ticket", s.ticket().id());
        recall.put("state", s.state().name());
        recall.put("keysDone", s.keysDone());
        recall.put("keysTotal", s.keysTotal());
        Instant eta = s.eta();
        if (eta == null) {
            recall.putNull("eta");
        } else {
            recall.put("eta", eta.toString());
        }
        recall.put("message", s.message());
        json.put("retryAfterSeconds", RETRY_AFTER_SECONDS);
        return new ApiResponse(202, json, ApiResponse.JSON, Map.of("Retry-After",
                Integer.toString(RETRY_AFTER_SECONDS)));
    }

    static <T> T require(T service, String what) throws ProblemException {
        if (service == null) {
            throw new ProblemException(Problem.unavailable("The " + what + " is not running"));
        }
        return service;
    }
}
