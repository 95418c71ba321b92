package org.datastamp.acquisition.hdf5;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.catalog.api.MetadataEntry;

/**
 * NeXus building blocks on top of the binding: groups with {@code NX_class}, text and number fields with
 * {@code @units}, attributes, and metadata entries of any kind (number, text, boolean, list).
 */
final class NexusNodes {

    private final Hdf5 h5;

    NexusNodes(Hdf5 h5) {
        this.h5 = h5;
    }

    /** Creates group {@code name} under {@code parent} with its NeXus class; the caller closes it. */
    long group(long parent, String name, String nxClass) throws IOException {
        long g = h5.groupCreate(parent, name);
        attribute(g, "NX_class", nxClass);
        return g;
    }

    /** A fixed-length UTF-8 string attribute (what NeXus tools expect for NX_class, units, signal). */
    void attribute(long obj, String name, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        long type = h5.stringType(Math.max(1, utf8.length));
        long space = h5.spaceScalar();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = a.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, data, JAVA_BYTE, 0, utf8.length);
            replaceAttribute(obj, name);
            h5.attributeWrite(obj, name, type, space, data);
        } finally {
            h5.spaceClose(space);
            h5.typeClose(type);
        }
    }

    void attribute(long obj, String name, long value) throws IOException {
        long space = h5.spaceScalar();
        try (Arena a = Arena.ofConfined()) {
            replaceAttribute(obj, name);
            h5.attributeWrite(obj, name, h5.i64, space, a.allocateFrom(JAVA_LONG, value));
        } finally {
            h5.spaceClose(space);
        }
    }

    private void replaceAttribute(long obj, String name) throws IOException {
        if (h5.attributeExists(obj, name)) {
            h5.attributeDelete(obj, name);
        }
    }

    /** A scalar variable-length UTF-8 text field. */
    void text(long parent, String name, String value) throws IOException {
        writeTexts(parent, name, List.of(value), true, "");
    }

    /** A scalar number field with {@code @units} (none if empty). */
    void number(long parent, String name, Number value, String units) throws IOException {
        writeNumbers(parent, name, List.of(value), true, units);
    }

    /** One metadata entry as a field named after it (a '/' in the name becomes '_'), with {@code @units}. */
    void metadata(long parent, MetadataEntry entry) throws IOException {
        String name = fieldName(entry.name());
        if (entry.value() instanceof List<?> list) {
            if (!list.isEmpty() && list.stream().allMatch(Number.class::isInstance)) {
                writeNumbers(parent, name, list.stream().map(Number.class::cast).toList(), false, entry.unit());
            } else {
                writeTexts(parent, name, list.stream().map(String::valueOf).toList(), false, entry.unit());
            }
        } else if (entry.value() instanceof Number n) {
            writeNumbers(parent, name, List.of(n), true, entry.unit());
        } else if (entry.value() instanceof Boolean b) {
            writeBoolean(parent, name, b);
        } else {
            writeTexts(parent, name, List.of(String.valueOf(entry.value())), true, entry.unit());
        }
    }

    /** HDF5 link names cannot hold '/' nor be '.'. */
    static String fieldName(String metadataName) {
        String n = metadataName.replace('/', '_');
        return n.equals(".") || n.equals("..") ? "_" + n : n;
    }

    private void writeNumbers(long parent, String name, List<Number> values, boolean scalar, String units)
            throws IOException {
        boolean integral = values.stream().allMatch(v -> v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = integral
                    ? a.allocateFrom(JAVA_LONG, values.stream().mapToLong(Number::longValue).toArray())
                    : a.allocateFrom(JAVA_DOUBLE, values.stream().mapToDouble(Number::doubleValue).toArray());
            writeField(parent, name, integral ? h5.i64 : h5.f64, scalar, values.size(), data, units);
        }
    }

    private void writeBoolean(long parent, String name, boolean value) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            writeField(parent, name, h5.i8, true, 1, a.allocateFrom(JAVA_BYTE, (byte) (value ? 1 : 0)), "");
        }
    }

    private void writeTexts(long parent, String name, List<String> values, boolean scalar, String units)
            throws IOException {
        long type = h5.stringType(-1);
        try (Arena a = Arena.ofConfined()) {
            // a variable-length string in memory is a char *: write an array of pointers to C strings
            MemorySegment pointers = a.allocate(ADDRESS, values.size());
            for (int i = 0; i < values.size(); i++) {
                pointers.setAtIndex(ADDRESS, i, a.allocateFrom(values.get(i)));
            }
            writeField(parent, name, type, scalar, values.size(), pointers, units);
        } finally {
            h5.typeClose(type);
        }
    }

    private void writeField(long parent, String name, long type, boolean scalar, int count, MemorySegment data,
            String units) throws IOException {
        long space = scalar ? h5.spaceScalar() : h5.spaceSimple(new long[] { count }, null);
        try {
            long dataset = h5.datasetCreate(parent, name, type, space, Hdf5.P_DEFAULT);
            try {
                h5.write(dataset, type, Hdf5.P_DEFAULT, Hdf5.P_DEFAULT, data);
                if (!units.isEmpty()) {
                    attribute(dataset, "units", units);
                }
            } finally {
                h5.datasetClose(dataset);
            }
        } finally {
            h5.spaceClose(space);
        }
    }
}
