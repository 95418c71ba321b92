package org.datastamp.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;

/**
 * The files a download selects: paths as the catalogue lists them, from {@code file} query parameters or a POSTed
 * JSON list ({@code ["a.nxs", "b/c.h5"]} or {@code {"files": [...]}}). No selection means the whole dataset.
 */
final class FileSelection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FileSelection() {
    }

    /**
     * The paths in a POSTed body.
     *
     * @throws ProblemException 400 when the body is not a JSON list of paths or lists none
     */
    static List<String> fromBody(byte[] body) throws ProblemException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(Problem.badRequest("POST a JSON list of file paths, e.g. [\"scan.nxs\"]: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
        JsonNode list = json != null && json.isObject() ? json.get("files") : json;
        List<String> paths = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode p : list) {
                if (!p.isTextual()) {
                    list = null;
                    break;
                }
                paths.add(p.asText());
            }
        }
        if (list == null || !list.isArray() || paths.isEmpty()) {
            throw new ProblemException(Problem.badRequest("POST a non-empty JSON list of file paths, e.g."
                    + " [\"scan.nxs\", \"processed/a.h5\"] or {\"files\": [...]}"));
        }
        return paths;
    }

    /**
     * The dataset's files named, in the dataset's order and each once; all of them for an empty selection.
     *
     * @throws ProblemException 400 naming every path the dataset does not have
     */
    static List<Datafile> pick(Dataset dataset, List<String> paths) throws ProblemException {
        List<Datafile> all = dataset.content().files();
        if (paths.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>(paths);
        List<Datafile> chosen = all.stream().filter(f -> wanted.contains(f.path())).toList();
        chosen.forEach(f -> wanted.remove(f.path()));
        if (!wanted.isEmpty()) {
            throw new ProblemException(Problem.badRequest("Dataset " + dataset.id().value() + " has no file(s) "
                    + String.join(", ", wanted) + "; name files by their paths in the dataset's file list")
                    .with("unknownFiles", JSON.valueToTree(List.copyOf(wanted))));
        }
        return chosen;
    }
}
