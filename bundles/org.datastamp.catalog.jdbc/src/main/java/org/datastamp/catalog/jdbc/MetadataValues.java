package org.datastamp.catalog.jdbc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.MetadataEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Maps a metadata value to its typed columns and back. Whole numbers come back as {@link Long}, other numbers as
 * {@link Double}, the same inside lists, whatever Java type they were recorded with.
 */
final class MetadataValues {

    /** The column values for one metadata value; exactly one value column is set. */
    record Columns(String type, Long integerValue, Double numberValue, String stringValue, Boolean booleanValue,
            String jsonValue) {
    }

    private final ObjectMapper json = new ObjectMapper();

    Columns encode(String name, Object value) throws CatalogException {
        if (value instanceof List<?> list) {
            try {
                return new Columns("json-array", null, null, null, null, json.writeValueAsString(normalise(list)));
            } catch (JsonProcessingException e) {
                throw new CatalogException("Metadata '" + name + "': could not encode its list: " + e.getMessage(), e);
            }
        }
        Object v = normalise(value);
        if (v instanceof Long l) {
            return new Columns("integer", l, null, null, null, null);
        }
        if (v instanceof Double d) {
            return new Columns("number", null, d, null, null, null);
        }
        if (v instanceof Boolean b) {
            return new Columns("boolean", null, null, null, b, null);
        }
        if (v instanceof String s) {
            return new Columns("string", null, null, s, null, null);
        }
        throw new CatalogException("Metadata '" + name + "' has a value of unsupported type "
                + value.getClass().getName());
    }

    Object decode(String name, Columns c) throws CatalogException {
        return switch (c.type()) {
            case "integer" -> c.integerValue();
            case "number" -> c.numberValue();
            case "boolean" -> c.booleanValue();
            case "string" -> c.stringValue();
            case "json-array" -> {
                try {
                    yield normalise(json.readValue(c.jsonValue(), List.class));
                } catch (JsonProcessingException e) {
                    throw new CatalogException("Metadata '" + name + "': stored list is not valid JSON: "
                            + e.getMessage(), e);
                }
            }
            default -> throw new CatalogException("Metadata '" + name + "' has unknown stored type '" + c.type() + "'");
        };
    }

    /** The entry as reading it back will give it: whole numbers as Long, other numbers as Double. */
    static MetadataEntry asStored(MetadataEntry entry) {
        Object v = entry.value() instanceof List<?> list ? normalise(list) : normalise(entry.value());
        return new MetadataEntry(entry.name(), v, entry.unit());
    }

    private static List<Object> normalise(List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(normalise(o));
        }
        return out;
    }

    private static Object normalise(Object v) {
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v;
    }
}
