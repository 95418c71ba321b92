package org.datastamp.rest;

import static org.datastamp.rest.JsonFields.bad;
import static org.datastamp.rest.JsonFields.describe;
import static org.datastamp.rest.JsonFields.instant;
import static org.datastamp.rest.JsonFields.optionalText;
import static org.datastamp.rest.JsonFields.refuseUnknown;
import static org.datastamp.rest.JsonFields.requiredText;
import static org.datastamp.rest.JsonFields.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the JSON of {@code POST /api/v1/datasets} (one object) and {@code POST /api/v1/datasets/batch} (an array)
 * into datasets to register. Every refusal is a 400 whose {@code field} member is the path of the bad value in the
 * body, e.g. {@code title}, {@code files[0].checksum} or, in a batch, {@code [2].files[0].checksum}. Unknown
 * fields are refused, so a misspelt optional field is not silently dropped.
 */
final class DatasetReader {

    static final Set<String> FIELDS = Set.of("id", "title", "type", "instrument", "sampleName", "location",
            "startTime", "endTime", "files", "metadata", "description", "proposalId", "sessionId", "sampleId",
            "technique", "keywords", "inputs");
    static final Set<String> FILE_FIELDS = Set.of("path", "size", "checksumAlgorithm", "checksum", "modified");
    static final Set<String> METADATA_FIELDS = Set.of("name", "value", "unit");

    /** What a client posted: the dataset and the id it chose, if any. */
    record Submission(Optional<DatasetId> id, NewDataset dataset) {
    }

    private final JsonCodec codec;

    DatasetReader(JsonCodec codec) {
        this.codec = codec;
    }

    Submission readOne(byte[] body) throws ProblemException {
        return dataset(codec.read(body), "");
    }

    /** A batch: a non-empty array of datasets, each with its client id (which makes retrying the batch safe). */
    List<Submission> readBatch(byte[] body) throws ProblemException {
        JsonNode json = codec.read(body);
        if (!json.isArray() || json.isEmpty()) {
            throw bad("", "A batch is a non-empty JSON array of datasets, got " + describe(json));
        }
        List<Submission> batch = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            String prefix = "[" + i + "].";
            Submission submission = dataset(json.get(i), prefix);
            if (submission.id().isEmpty()) {
                throw bad(prefix + "id", "Every dataset of a batch needs a client id, so the batch can be retried");
            }
            batch.add(submission);
        }
        return batch;
    }

    private Submission dataset(JsonNode json, String prefix) throws ProblemException {
        if (!json.isObject()) {
            throw bad(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                    "A dataset is a JSON object, got " + describe(json));
        }
        refuseUnknown(json, prefix, FIELDS);
        Optional<DatasetId> id = optionalText(json, prefix, "id").isEmpty() ? Optional.empty()
                : Optional.of(datasetId(json.get("id").textValue(), prefix + "id"));
        String title = requiredText(json, prefix, "title");
        DatasetType type = type(json, prefix);
        String instrument = requiredText(json, prefix, "instrument");
        Instant start = instant(json, prefix, "startTime", null);
        Instant end = instant(json, prefix, "endTime", null);
        if (end.isBefore(start)) {
            throw bad(prefix + "endTime", "The dataset ends (" + end + ") before it starts (" + start + ")");
        }
        List<Datafile> files = files(json, prefix, end);
        List<MetadataEntry> metadata = metadata(json, prefix);
        List<String> keywords = strings(json, prefix, "keywords");
        List<DatasetId> inputs = new ArrayList<>();
        List<String> inputTexts = strings(json, prefix, "inputs");
        for (int i = 0; i < inputTexts.size(); i++) {
            inputs.add(datasetId(inputTexts.get(i), prefix + "inputs[" + i + "]"));
        }
        if (type == DatasetType.RAW && !inputs.isEmpty()) {
            throw bad(prefix + "inputs", "A raw dataset has no inputs; only a DERIVED dataset names the datasets it"
                    + " was made from");
        }
        String proposalId = optionalText(json, prefix, "proposalId");
        String sessionId = optionalText(json, prefix, "sessionId");
        String sampleId = optionalText(json, prefix, "sampleId");
        try {
            return new Submission(id, new NewDataset(title, type, instrument, optionalText(json, prefix, "sampleName"),
                    optionalText(json, prefix, "location"), start, end, files, metadata,
                    optionalText(json, prefix, "description"), proposalId, sessionId, sampleId,
                    optionalText(json, prefix, "technique"), keywords, inputs));
        } catch (IllegalArgumentException e) {
            // The remaining checks of the record are the identifier rule on the three references.
            throw bad(prefix + identifierField(e.getMessage()), e.getMessage());
        }
    }

    /** Which reference an identifier complaint of {@link NewDataset} is about. */
    private static String identifierField(String message) {
        if (message.contains("session id")) {
            return "sessionId";
        }
        if (message.contains("sample id")) {
            return "sampleId";
        }
        return "proposalId";
    }

    private static DatasetType type(JsonNode json, String prefix) throws ProblemException {
        String text = optionalText(json, prefix, "type");
        if (text.isEmpty()) {
            return DatasetType.RAW;
        }
        try {
            return DatasetType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(prefix + "type", "Must be RAW or DERIVED, got '" + text + "'");
        }
    }

    private static List<Datafile> files(JsonNode json, String prefix, Instant end) throws ProblemException {
        JsonNode array = json.get("files");
        if (array == null || array.isNull()) {
            throw bad(prefix + "files", "Required: the dataset's files, each with path, size and checksum"
                    + " (an empty array for a dataset without files)");
        }
        if (!array.isArray()) {
            throw bad(prefix + "files", "Must be an array, got " + describe(array));
        }
        List<Datafile> files = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = prefix + "files[" + i + "].";
            JsonNode file = array.get(i);
            if (!file.isObject()) {
                throw bad(at.substring(0, at.length() - 1), "A file is an object with path, size and checksum");
            }
            refuseUnknown(file, at, FILE_FIELDS);
            String path = requiredText(file, at, "path");
            long size = size(file, at);
            String algorithm = optionalText(file, at, "checksumAlgorithm");
            String checksum = requiredText(file, at, "checksum");
            Instant modified = instant(file, at, "modified", end);
            try {
                files.add(new Datafile(path, size, algorithm.isEmpty() ? "SHA-256" : algorithm, checksum, modified));
            } catch (IllegalArgumentException e) {
                throw bad(at + "path", e.getMessage());
            }
        }
        return files;
    }

    private static long size(JsonNode file, String at) throws ProblemException {
        JsonNode node = file.get("size");
        if (node == null || node.isNull()) {
            throw bad(at + "size", "Required: the file's size in bytes");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw bad(at + "size", "Must be a whole number of bytes, 0 or more, got " + describe(node));
        }
        return node.longValue();
    }

    private static List<MetadataEntry> metadata(JsonNode json, String prefix) throws ProblemException {
        JsonNode array = json.get("metadata");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw bad(prefix + "metadata", "Must be an array of {name, value, unit}, got " + describe(array));
        }
        List<MetadataEntry> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = prefix + "metadata[" + i + "].";
            JsonNode entry = array.get(i);
            if (!entry.isObject()) {
                throw bad(at.substring(0, at.length() - 1), "A metadata entry is an object with name, value, unit");
            }
            refuseUnknown(entry, at, METADATA_FIELDS);
            String name = requiredText(entry, at, "name");
            JsonNode value = entry.get("value");
            if (value == null || value.isNull()) {
                throw bad(at + "value", "Required: a number, string, boolean or an array of those");
            }
            entries.add(new MetadataEntry(name, metadataValue(value, at + "value"), optionalText(entry, at, "unit")));
        }
        return entries;
    }

    private static Object metadataValue(JsonNode value, String field) throws ProblemException {
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (element.isContainerNode() || element.isNull()) {
                    throw bad(field + "[" + i + "]", "List elements must be numbers, strings or booleans, got "
                            + describe(element));
                }
                list.add(scalar(element));
            }
            return list;
        }
        if (value.isObject()) {
            throw bad(field, "Must be a number, string, boolean or an array of those, got an object");
        }
        return scalar(value);
    }

    private static Object scalar(JsonNode node) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    private static DatasetId datasetId(String text, String field) throws ProblemException {
        try {
            return new DatasetId(text);
        } catch (IllegalArgumentException e) {
            throw bad(field, e.getMessage());
        }
    }
}

