package org.datastamp.useroffice.jdbc;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.datastamp.useroffice.api.ImportException;
import org.datastamp.useroffice.api.ImportProblem;
import org.datastamp.useroffice.api.ImportedRecords;
import org.datastamp.useroffice.api.UserOfficeImporter;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The first importer: files exported from a user-office system, either CSV (a header row naming the fields, one
 * record a line) or JSON (an array of objects). Both have a {@code kind} field per record; see docs/logbook.md.
 * Streaming parsers keep each record's line number.
 */
@Component(service = UserOfficeImporter.class)
public final class FileImporter implements UserOfficeImporter {

    @Override
    public String id() {
        return "file";
    }

    @Override
    public boolean accepts(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".csv");
    }

    @Override
    public ImportedRecords read(String fileName, byte[] content) throws ImportException {
        RecordRows rows = new RecordRows();
        try {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                csv(content, rows);
            } else {
                json(content, rows);
            }
        } catch (JsonParseException e) {
            rows.problem(new ImportProblem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    "not well-formed: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeJsonMappingException e) {
            rows.problem(new ImportProblem(0, "", "unreadable: " + e.getMessage()));
        }
        if (!rows.problems().isEmpty()) {
            throw new ImportException(fileName, rows.problems());
        }
        return rows.records();
    }

    private static void csv(byte[] content, RecordRows rows) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(content)) {
            while (true) {
                int line;
                Map<String, String> fields;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getParser().currentLocation().getLineNr();
                    fields = it.nextValue();
                } catch (RuntimeJsonMappingException | IOException e) {
                    rows.problem(new ImportProblem(it.getParser().currentLocation().getLineNr(), "",
                            "not a CSV record: " + e.getMessage()));
                    break;
                }
                rows.add(new RecordRows.Row(line, fields));
            }
        }
    }

    private static void json(byte[] content, RecordRows rows) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(content)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                rows.problem(new ImportProblem(p.currentLocation().getLineNr(), "", "a JSON import is an array of"
                        + " records"));
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentLocation().getLineNr();
                Map<String, String> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.START_ARRAY) {
                        StringBuilder list = new StringBuilder();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            list.append(list.isEmpty() ? "" : ";").append(p.getValueAsString());
                        }
                        fields.put(name, list.toString());
                    } else if (value == JsonToken.START_OBJECT) {
                        p.skipChildren();
                        rows.problem(new ImportProblem(line, name, "an object is not a field value"));
                    } else {
                        fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getValueAsString());
                    }
                }
                rows.add(new RecordRows.Row(line, fields));
            }
        }
    }
}
