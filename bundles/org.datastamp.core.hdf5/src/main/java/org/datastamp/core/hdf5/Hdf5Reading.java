package org.datastamp.core.hdf5;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The libhdf5 calls a reader needs beyond the writer's: walking links, opening objects, describing types, layouts
 * and filters, reading attributes and hyperslabs. Same rules as {@link Hdf5}: every call is checked and holds the
 * library lock.
 */
public final class Hdf5Reading {

    // H5Ipublic.h, H5Lpublic.h, H5Tpublic.h, H5Dpublic.h, H5public.h (1.10)
    public static final int I_GROUP = 2;
    public static final int I_DATATYPE = 3;
    public static final int I_DATASET = 5;
    public static final int L_TYPE_HARD = 0;
    public static final int L_TYPE_SOFT = 1;
    public static final int L_TYPE_EXTERNAL = 64;
    public static final int T_INTEGER = 0;
    public static final int T_FLOAT = 1;
    public static final int T_STRING = 3;
    public static final int T_COMPOUND = 6;
    public static final int T_ENUM = 8;
    public static final int T_SGN_NONE = 0;
    public static final int D_COMPACT = 0;
    public static final int D_CONTIGUOUS = 1;
    public static final int D_CHUNKED = 2;
    public static final int D_VIRTUAL = 3;
    public static final int S_SEL_HYPERSLABS = 2;
    public static final int S_SEL_ALL = 3;
    static final int INDEX_NAME = 0;
    static final int ITER_INC = 0;
    static final int T_DIR_ASCEND = 1;

    private final Hdf5 lib;

    public Hdf5Reading(Hdf5 lib) {
        this.lib = lib;
    }

    public Hdf5 library() {
        return lib;
    }

    // ------------------------------------------------------------ links, objects

    /** Number of links in a group. */
    public long linkCount(long group) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            // H5G_info_t: storage_type (int), nlinks (hsize_t at 8), max_corder (int64), mounted (hbool_t)
            MemorySegment info = a.allocate(32, 8);
            lib.check((int) lib.call("H5Gget_info", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), group, info),
                    "H5Gget_info");
            return info.get(JAVA_LONG, 8);
        }
    }

    /** Name of the {@code index}-th link of a group, in name order. */
    public String linkName(long group, long index) throws IOException {
        FunctionDescriptor d = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_LONG,
                ADDRESS, JAVA_LONG, JAVA_LONG);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment dot = a.allocateFrom(".");
            long length = (long) lib.call("H5Lget_name_by_idx", d, group, dot, INDEX_NAME, ITER_INC, index,
                    MemorySegment.NULL, 0L, Hdf5.P_DEFAULT);
            lib.checkId(length, "name link " + index);
            MemorySegment name = a.allocate(length + 1);
            lib.checkId((long) lib.call("H5Lget_name_by_idx", d, group, dot, INDEX_NAME, ITER_INC, index, name,
                    length + 1, Hdf5.P_DEFAULT), "name link " + index);
            return name.getString(0, StandardCharsets.UTF_8);
        }
    }

    /** The link's type: {@link #L_TYPE_HARD}, {@link #L_TYPE_SOFT} or {@link #L_TYPE_EXTERNAL}. */
    public int linkType(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            // H5L_info_t (1.10): type (int) first, 32 bytes in all
            MemorySegment info = a.allocate(32, 8);
            lib.check((int) lib.call("H5Lget_info", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS,
                    JAVA_LONG), loc, a.allocateFrom(name), info, Hdf5.P_DEFAULT), "H5Lget_info(" + name + ")");
            return info.get(JAVA_INT, 0);
        }
    }

    /**
     * Where a soft or external link points: the path for a soft link, {@code file:/path} for an external one.
     */
    public String linkTarget(long loc, String name, int linkType) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buffer = a.allocate(4096);
            lib.check((int) lib.call("H5Lget_val", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS,
                    JAVA_LONG, JAVA_LONG), loc, a.allocateFrom(name), buffer, 4096L, Hdf5.P_DEFAULT),
                    "H5Lget_val(" + name + ")");
            if (linkType != L_TYPE_EXTERNAL) {
                return buffer.getString(0, StandardCharsets.UTF_8);
            }
            // external link value: one flags byte, the file name, NUL, the object path, NUL
            String file = buffer.getString(1, StandardCharsets.UTF_8);
            String object = buffer.getString(1 + file.getBytes(StandardCharsets.UTF_8).length + 1,
                    StandardCharsets.UTF_8);
            return file + ":" + object;
        }
    }

    /** Opens the object a link leads to (following soft and external links). */
    public long objectOpen(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return lib.checkId((long) lib.call("H5Oopen", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS,
                    JAVA_LONG), loc, a.allocateFrom(name), Hdf5.P_DEFAULT), "open " + name);
        }
    }

    /** {@link #I_GROUP}, {@link #I_DATASET}, {@link #I_DATATYPE}, ... */
    public int objectKind(long id) throws IOException {
        int kind = (int) lib.call("H5Iget_type", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), id);
        lib.check(kind, "H5Iget_type");
        return kind;
    }

    public void objectClose(long id) throws IOException {
        lib.close("H5Oclose", id);
    }

    // ------------------------------------------------------------ attributes

    public int attributeCount(long obj) throws IOException {
        int n = (int) lib.call("H5Aget_num_attrs", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), obj);
        lib.check(n, "H5Aget_num_attrs");
        return n;
    }

    public long attributeOpen(long obj, int index) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return lib.checkId((long) lib.call("H5Aopen_by_idx", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS,
                    JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG), obj, a.allocateFrom("."), INDEX_NAME,
                    ITER_INC, (long) index, Hdf5.P_DEFAULT, Hdf5.P_DEFAULT), "open attribute " + index);
        }
    }

    public String attributeName(long attr) throws IOException {
        FunctionDescriptor d = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS);
        long length = lib.checkId((long) lib.call("H5Aget_name", d, attr, 0L, MemorySegment.NULL), "H5Aget_name");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(length + 1);
            lib.checkId((long) lib.call("H5Aget_name", d, attr, length + 1, name), "H5Aget_name");
            return name.getString(0, StandardCharsets.UTF_8);
        }
    }

    public long attributeType(long attr) throws IOException {
        return lib.checkId((long) lib.call("H5Aget_type", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), attr),
                "H5Aget_type");
    }

    public long attributeSpace(long attr) throws IOException {
        return lib.checkId((long) lib.call("H5Aget_space", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), attr),
                "H5Aget_space");
    }

    /** Reads a numeric attribute's {@code count} values converted to doubles. */
    public double[] attributeDoubles(long attr, int count) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment values = a.allocate(JAVA_DOUBLE, Math.max(count, 1));
            lib.check((int) lib.call("H5Aread", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS), attr,
                    lib.f64, values), "H5Aread");
            return values.asSlice(0, count * 8L).toArray(JAVA_DOUBLE);
        }
    }

    /** Reads a string attribute (fixed or variable length) of {@code count} strings. */
    public String[] attributeStrings(long attr, long fileType, long space, int count) throws IOException {
        FunctionDescriptor read = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS);
        String[] out = new String[count];
        try (Arena a = Arena.ofConfined()) {
            if (isVariableString(fileType)) {
                MemorySegment pointers = a.allocate(ADDRESS, Math.max(count, 1));
                lib.check((int) lib.call("H5Aread", read, attr, fileType, pointers), "H5Aread(strings)");
                for (int i = 0; i < count; i++) {
                    MemorySegment p = pointers.getAtIndex(ADDRESS, i);
                    out[i] = p.equals(MemorySegment.NULL) ? "" : p.reinterpret(Integer.MAX_VALUE)
                            .getString(0, StandardCharsets.UTF_8);
                }
                lib.check((int) lib.call("H5Dvlen_reclaim", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG, ADDRESS), fileType, space, Hdf5.P_DEFAULT, pointers), "H5Dvlen_reclaim");
                return out;
            }
            long size = typeSize(fileType);
            MemorySegment bytes = a.allocate(size * Math.max(count, 1));
            lib.check((int) lib.call("H5Aread", read, attr, fileType, bytes), "H5Aread(strings)");
            for (int i = 0; i < count; i++) {
                byte[] b = bytes.asSlice(i * size, size).toArray(JAVA_BYTE);
                int end = 0;
                while (end < b.length && b[end] != 0) {
                    end++;
                }
                out[i] = new String(b, 0, end, StandardCharsets.UTF_8).stripTrailing();
            }
            return out;
        }
    }

    public void attributeClose(long attr) throws IOException {
        lib.close("H5Aclose", attr);
    }

    // ------------------------------------------------------------ types, spaces

    public int typeClass(long type) throws IOException {
        int c = (int) lib.call("H5Tget_class", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), type);
        lib.check(c, "H5Tget_class");
        return c;
    }

    public long typeSize(long type) throws IOException {
        long size = (long) lib.call("H5Tget_size", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), type);
        if (size <= 0) {
            throw new Hdf5Exception("HDF5 H5Tget_size failed");
        }
        return size;
    }

    /** Whether an integer type is signed. */
    public boolean typeSigned(long type) throws IOException {
        int sign = (int) lib.call("H5Tget_sign", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), type);
        lib.check(sign, "H5Tget_sign");
        return sign != T_SGN_NONE;
    }

    public boolean isVariableString(long type) throws IOException {
        int r = (int) lib.call("H5Tis_variable_str", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), type);
        lib.check(r, "H5Tis_variable_str");
        return r > 0;
    }

    /** The in-memory (native, here little-endian) equivalent of a file type; close it with {@link Hdf5#typeClose}. */
    public long nativeType(long type) throws IOException {
        return lib.checkId((long) lib.call("H5Tget_native_type", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG,
                JAVA_INT), type, T_DIR_ASCEND), "H5Tget_native_type");
    }

    /** Rank of a simple dataspace (0 for a scalar). */
    public int spaceRank(long space) throws IOException {
        int rank = (int) lib.call("H5Sget_simple_extent_ndims", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), space);
        lib.check(rank, "H5Sget_simple_extent_ndims");
        return rank;
    }

    /** Selects {@code count} elements per dimension from {@code start}, every {@code stride}-th. */
    public void selectHyperslab(long space, long[] start, long[] stride, long[] count) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            lib.check((int) lib.call("H5Sselect_hyperslab", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT,
                    ADDRESS, ADDRESS, ADDRESS, ADDRESS), space, Hdf5.S_SELECT_SET, a.allocateFrom(JAVA_LONG, start),
                    a.allocateFrom(JAVA_LONG, stride), a.allocateFrom(JAVA_LONG, count), MemorySegment.NULL),
                    "H5Sselect_hyperslab");
        }
    }

    // ------------------------------------------------------------ datasets

    /**
     * Opens a dataset with a chunk cache of {@code cacheBytes}, so that several views of the same chunk (a zoom
     * after an overview) decompress it once.
     */
    public long datasetOpen(long loc, String name, long cacheBytes) throws IOException {
        long dapl = lib.checkId((long) lib.call("H5Pcreate", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG),
                lib.daplClass), "H5Pcreate(dataset access)");
        try (Arena a = Arena.ofConfined()) {
            // 12421 hash slots (a prime, as the HDF5 guide advises), whole chunks evicted least recently used first
            lib.check((int) lib.call("H5Pset_chunk_cache", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG,
                    JAVA_LONG, JAVA_DOUBLE), dapl, 12421L, cacheBytes, 1.0), "H5Pset_chunk_cache");
            return lib.checkId((long) lib.call("H5Dopen2", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS,
                    JAVA_LONG), loc, a.allocateFrom(name), dapl), "open dataset " + name);
        } finally {
            lib.propertiesClose(dapl);
        }
    }

    public long datasetType(long dataset) throws IOException {
        return lib.checkId((long) lib.call("H5Dget_type", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), dataset),
                "H5Dget_type");
    }

    public long datasetCreationProperties(long dataset) throws IOException {
        return lib.checkId((long) lib.call("H5Dget_create_plist", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG),
                dataset), "H5Dget_create_plist");
    }

    /** {@link #D_CHUNKED}, {@link #D_CONTIGUOUS}, {@link #D_COMPACT} or {@link #D_VIRTUAL}. */
    public int layout(long dcpl) throws IOException {
        int layout = (int) lib.call("H5Pget_layout", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), dcpl);
        lib.check(layout, "H5Pget_layout");
        return layout;
    }

    public long[] chunkShape(long dcpl, int rank) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment dims = a.allocate(JAVA_LONG, Math.max(rank, 1));
            lib.check((int) lib.call("H5Pget_chunk", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS),
                    dcpl, rank, dims), "H5Pget_chunk");
            return dims.asSlice(0, rank * 8L).toArray(JAVA_LONG);
        }
    }

    /** Registered ids of the filters in a dataset's pipeline, in order (1 deflate, 2 shuffle, 32008 bitshuffle). */
    public int[] filterIds(long dcpl) throws IOException {
        Filter[] filters = filters(dcpl);
        int[] ids = new int[filters.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = filters[i].id();
        }
        return ids;
    }

    /** A filter of a dataset's pipeline: its registered id and its client data values ({@code cd_values}). */
    public record Filter(int id, int[] values) {
    }

    /** The filters of a dataset's pipeline, in order, with their client data values (at most 16 each). */
    public Filter[] filters(long dcpl) throws IOException {
        int n = (int) lib.call("H5Pget_nfilters", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), dcpl);
        lib.check(n, "H5Pget_nfilters");
        Filter[] out = new Filter[n];
        try (Arena a = Arena.ofConfined()) {
            MemorySegment flags = a.allocate(JAVA_INT);
            MemorySegment nValues = a.allocate(JAVA_LONG);
            MemorySegment values = a.allocate(JAVA_INT, 16);
            MemorySegment name = a.allocate(256);
            MemorySegment config = a.allocate(JAVA_INT);
            for (int i = 0; i < n; i++) {
                nValues.set(JAVA_LONG, 0, 16);
                int id = (int) lib.call("H5Pget_filter2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS,
                        ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS), dcpl, i, flags, nValues, values, 256L, name,
                        config);
                lib.check(id, "H5Pget_filter2(" + i + ")");
                int count = (int) Math.min(16, nValues.get(JAVA_LONG, 0));
                out[i] = new Filter(id, values.asSlice(0, count * 4L).toArray(JAVA_INT));
            }
        }
        return out;
    }

    /** Whether two datatypes are the same (H5Tequal): then a file's bytes are the memory type's as they are. */
    public boolean typeEquals(long a, long b) throws IOException {
        int r = (int) lib.call("H5Tequal", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG), a, b);
        lib.check(r, "H5Tequal");
        return r > 0;
    }

    /**
     * {@code H5Dread_chunk}: the chunk at {@code offset} as stored, not decompressed, into {@code buffer} (at least
     * {@link Hdf5#chunkStorageSize} bytes). Only the file read holds the library lock, not the decompression.
     *
     * @return the chunk's filter mask: bit {@code i} set if filter {@code i} of the pipeline was skipped for it
     */
    public int readChunk(long dataset, long[] offset, MemorySegment buffer) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment mask = a.allocate(JAVA_INT);
            lib.check((int) lib.call("H5Dread_chunk", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS,
                    ADDRESS, ADDRESS), dataset, Hdf5.P_DEFAULT, a.allocateFrom(JAVA_LONG, offset), mask, buffer),
                    "H5Dread_chunk");
            return mask.get(JAVA_INT, 0);
        }
    }

    // ------------------------------------------------------------ virtual datasets

    /** Number of mappings of a virtual dataset's creation property list. */
    public int virtualCount(long dcpl) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment count = a.allocate(JAVA_LONG);
            lib.check((int) lib.call("H5Pget_virtual_count", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS),
                    dcpl, count), "H5Pget_virtual_count");
            return Math.toIntExact(count.get(JAVA_LONG, 0));
        }
    }

    /** The virtual dataset's selection of mapping {@code index}; close it with {@link Hdf5#spaceClose}. */
    public long virtualSpace(long dcpl, int index) throws IOException {
        return lib.checkId((long) lib.call("H5Pget_virtual_vspace", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG,
                JAVA_LONG), dcpl, (long) index), "H5Pget_virtual_vspace(" + index + ")");
    }

    /** The source dataset's selection of mapping {@code index}; close it with {@link Hdf5#spaceClose}. */
    public long virtualSourceSpace(long dcpl, int index) throws IOException {
        return lib.checkId((long) lib.call("H5Pget_virtual_srcspace", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG,
                JAVA_LONG), dcpl, (long) index), "H5Pget_virtual_srcspace(" + index + ")");
    }

    /** The source file name of mapping {@code index} as stored ({@code .} for the virtual dataset's own file). */
    public String virtualFileName(long dcpl, int index) throws IOException {
        return virtualText("H5Pget_virtual_filename", dcpl, index);
    }

    /** The source dataset path of mapping {@code index}. */
    public String virtualDatasetName(long dcpl, int index) throws IOException {
        return virtualText("H5Pget_virtual_dsetname", dcpl, index);
    }

    private String virtualText(String function, long dcpl, int index) throws IOException {
        FunctionDescriptor d = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG);
        long length = lib.checkId((long) lib.call(function, d, dcpl, (long) index, MemorySegment.NULL, 0L),
                function);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment text = a.allocate(length + 1);
            lib.checkId((long) lib.call(function, d, dcpl, (long) index, text, length + 1), function);
            return text.getString(0, StandardCharsets.UTF_8);
        }
    }

    /**
     * First and last element (inclusive) of a dataspace's selection, per dimension: {@code [0]} the start,
     * {@code [1]} the end.
     */
    public long[][] selectionBounds(long space, int rank) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment start = a.allocate(JAVA_LONG, Math.max(rank, 1));
            MemorySegment end = a.allocate(JAVA_LONG, Math.max(rank, 1));
            lib.check((int) lib.call("H5Sget_select_bounds", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS,
                    ADDRESS), space, start, end), "H5Sget_select_bounds");
            return new long[][] {start.asSlice(0, rank * 8L).toArray(JAVA_LONG),
                end.asSlice(0, rank * 8L).toArray(JAVA_LONG)};
        }
    }

    /** {@code H5Sget_select_type}: {@link #S_SEL_ALL}, {@link #S_SEL_HYPERSLABS}, points or none. */
    public int selectionType(long space) throws IOException {
        int t = (int) lib.call("H5Sget_select_type", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), space);
        lib.check(t, "H5Sget_select_type");
        return t;
    }

    /** Number of elements a dataspace's selection holds. */
    public long selectedElements(long space) throws IOException {
        long n = (long) lib.call("H5Sget_select_npoints", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), space);
        lib.checkId(n, "H5Sget_select_npoints");
        return n;
    }

    /** {@code H5Dread} of the selection of {@code fileSpace} into {@code buffer} laid out as {@code memSpace}. */
    public void read(long dataset, long memType, long memSpace, long fileSpace, MemorySegment buffer)
            throws IOException {
        lib.check((int) lib.call("H5Dread", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                JAVA_LONG, JAVA_LONG, ADDRESS), dataset, memType, memSpace, fileSpace, Hdf5.P_DEFAULT, buffer),
                "H5Dread");
    }

    // ------------------------------------------------------------ copying (partial downloads)

    public static final int T_REFERENCE = 7;

    /** Opens attribute {@code name} of {@code obj}. */
    public long attributeOpen(long obj, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return lib.checkId((long) lib.call("H5Aopen", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS,
                    JAVA_LONG), obj, a.allocateFrom(name), Hdf5.P_DEFAULT), "H5Aopen(" + name + ")");
        }
    }

    /** {@code H5Aread} of the whole attribute into {@code buffer} as {@code memType} (the file type: no conversion). */
    public void attributeRead(long attr, long memType, MemorySegment buffer) throws IOException {
        lib.check((int) lib.call("H5Aread", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS), attr,
                memType, buffer), "H5Aread");
    }

    /** Frees what libhdf5 allocated for variable-length values read into {@code buffer} (no-op for other types). */
    public void vlenReclaim(long type, long space, MemorySegment buffer) throws IOException {
        lib.check((int) lib.call("H5Dvlen_reclaim", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                ADDRESS), type, space, Hdf5.P_DEFAULT, buffer), "H5Dvlen_reclaim");
    }

    /** Number of elements in a dataspace's extent (1 for a scalar). */
    public long spacePoints(long space) throws IOException {
        long n = (long) lib.call("H5Sget_simple_extent_npoints", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), space);
        if (n < 0) {
            throw new Hdf5Exception("HDF5 H5Sget_simple_extent_npoints failed");
        }
        return n;
    }
}
