package org.datastamp.rest;

import java.util.List;

import org.datastamp.logbook.api.EntryVersion;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.ScanRow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The logbook's records as JSON; field names follow the API records. */
final class LogbookJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LogbookJson() {
    }

    static ArrayNode scans(List<ScanRow> rows) {
        ArrayNode array = JSON.arrayNode();
        rows.forEach(r -> array.add(scan(r)));
        return array;
    }

    static ObjectNode scan(ScanRow r) {
        ObjectNode json = JSON.objectNode();
        json.put("scanId", r.scanId());
        json.put("sessionId", r.sessionId());
        json.put("instrument", r.instrument());
        json.put("started", r.started().toString());
        json.put("title", r.title());
        json.put("type", r.type());
        json.put("sample", r.sample());
        json.put("status", r.status());
        json.put("datasetId", r.datasetId());
        json.put("frames", r.frames());
        json.put("error", r.error());
        ObjectNode values = json.putObject("values");
        r.sortedValues().forEach(values::put);
        json.put("rating", r.rating());
        json.put("ratings", r.ratings());
        json.put("myRating", r.myRating());
        ArrayNode tags = json.putArray("tags");
        r.sortedTags().forEach(tags::add);
        json.put("comments", r.comments());
        json.put("thumbnail", r.thumbnail());
        return json;
    }

    static ArrayNode entries(List<LogEntry> entries) {
        ArrayNode array = JSON.arrayNode();
        entries.forEach(e -> array.add(entry(e)));
        return array;
    }

    static ObjectNode entry(LogEntry e) {
        ObjectNode json = JSON.objectNode();
        json.put("id", e.id());
        json.put("sessionId", e.sessionId());
        json.put("kind", e.kind().name());
        json.put("scanId", e.scanId());
        json.put("version", e.version());
        json.put("markdown", e.markdown());
        json.put("html", e.html());
        json.put("author", e.author());
        json.put("created", e.created().toString());
        json.put("editedBy", e.editedBy());
        json.put("edited", e.edited().toString());
        return json;
    }

    static ArrayNode versions(List<EntryVersion> versions) {
        ArrayNode array = JSON.arrayNode();
        for (EntryVersion v : versions) {
            ObjectNode json = array.addObject();
            json.put("entryId", v.entryId());
            json.put("version", v.version());
            json.put("markdown", v.markdown());
            json.put("author", v.author());
            json.put("created", v.created().toString());
        }
        return array;
    }

    static ArrayNode images(List<LogImage> images) {
        ArrayNode array = JSON.arrayNode();
        images.forEach(i -> array.add(image(i)));
        return array;
    }

    static ObjectNode image(LogImage i) {
        ObjectNode json = JSON.objectNode();
        json.put("id", i.id());
        json.put("sessionId", i.sessionId());
        json.put("name", i.name());
        json.put("mediaType", i.mediaType());
        json.put("width", i.width());
        json.put("height", i.height());
        json.put("size", i.size());
        json.put("author", i.author());
        json.put("created", i.created().toString());
        json.put("markdown", "![" + i.name().replaceAll("[\\[\\]]", "") + "](image:" + i.id() + ")");
        json.put("url", "/api/v1/logbooks/images/" + i.id());
        json.put("thumbnailUrl", "/api/v1/logbooks/images/" + i.id() + "/thumbnail");
        return json;
    }
}
