package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The catalogue record of a dataset as a self-describing JSON document inside its archival package, written with
 * field names of its own (not the Java record layout) so the package stays readable whatever this software becomes.
 */
final class DatasetJson {

    static final String FORMAT = "datastamp-dataset/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DatasetJson() {
    }

    /** A catalogue attachment as packaged: where its content is and its digest. */
    record Attached(Attachment attachment, String path, long size, String sha256) {
    }

    static byte[] of(Dataset dataset, List<Attached> attachments) throws IOException {
        NewDataset c = dataset.content();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", dataset.id().value());
        root.put("title", c.title());
        root.put("type", c.type().name());
        root.put("instrument", c.instrument());
        root.put("technique", c.technique());
        root.put("sampleName", c.sampleName());
        root.put("description", c.description());
        root.put("proposalId", c.proposalId());
        root.put("sessionId", c.sessionId());
        root.put("sampleId", c.sampleId());
        root.put("startTime", time(c.startTime()));
        root.put("endTime", time(c.endTime()));
        root.put("registered", time(dataset.created()));
        root.put("publicFrom", time(dataset.access().publicFrom()));
        root.put("doi", dataset.doi());
        root.put("location", c.location());
        c.keywords().forEach(root.withArray("keywords")::add);
        ArrayNode inputs = root.putArray("inputs");
        for (DatasetId input : c.inputs()) {
            inputs.add(input.value());
        }
        ArrayNode files = root.putArray("files");
        for (Datafile f : c.files()) {
            files.addObject().put("path", CopyKeys.DATA + f.path()).put("size", f.size())
                    .put("checksumAlgorithm", f.checksumAlgorithm()).put("checksum", f.checksum())
                    .put("modified", time(f.modified()));
        }
        ArrayNode metadata = root.putArray("metadata");
        for (MetadataEntry m : c.metadata()) {
            ObjectNode entry = metadata.addObject();
            entry.put("name", m.name());
            entry.set("value", MAPPER.valueToTree(m.value()));
            entry.put("unit", m.unit());
        }
        ArrayNode attached = root.putArray("attachments");
        for (Attached a : attachments) {
            attached.addObject().put("path", a.path()).put("name", a.attachment().name())
                    .put("mediaType", a.attachment().mediaType()).put("caption", a.attachment().caption())
                    .put("author", a.attachment().author()).put("created", time(a.attachment().created()))
                    .put("size", a.size()).put("checksumAlgorithm", "SHA-256").put("checksum", a.sha256());
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
