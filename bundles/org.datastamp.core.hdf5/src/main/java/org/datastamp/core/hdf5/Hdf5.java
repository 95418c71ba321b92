package org.datastamp.core.hdf5;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few libhdf5 (1.10 C API) functions the scan-file writer needs, called through the Foreign Function and Memory
 * API. Identifiers ({@code hid_t}) are plain {@code long}s; every call that can fail is checked and a negative
 * result becomes an {@link Hdf5Exception} carrying HDF5's own error stack.
 *
 * <p>libhdf5 keeps process-wide state (open files, identifiers, the error stack) and Debian's serial build is not
 * thread-safe, so there is one instance per library file in the JVM and every call holds the same lock. A whole
 * frame write is one call, so the lock costs nothing measurable next to the I/O.
 */
public final class Hdf5 {

    // --- constants from the 1.10 headers (H5Fpublic.h, H5Spublic.h, H5Tpublic.h, H5Zpublic.h) ---
    public static final long P_DEFAULT = 0;
    public static final int F_ACC_RDONLY = 0x0000;
    public static final int F_ACC_RDWR = 0x0001;
    public static final int F_ACC_EXCL = 0x0004;
    public static final int F_ACC_SWMR_WRITE = 0x0020;
    static final int F_LIBVER_LATEST = 2; // H5F_LIBVER_V110
    static final int F_SCOPE_GLOBAL = 1;
    public static final long S_UNLIMITED = -1L; // (hsize_t)-1
    static final int S_SCALAR = 0;
    static final int S_SELECT_SET = 0;
    static final long T_VARIABLE = -1L; // (size_t)-1
    static final int T_CSET_UTF8 = 1;
    public static final int Z_FLAG_MANDATORY = 0;
    static final long E_DEFAULT = 0;
    static final int E_WALK_DOWNWARD = 1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Map<Path, Hdf5> LOADED = new ConcurrentHashMap<>();
    /** One lock for all of libhdf5: its serial build must not be entered by two threads at once. */
    private static final Object LOCK = new Object();

    private final Path library;
    private final SymbolLookup symbols;
    private final Map<String, MethodHandle> handles = new ConcurrentHashMap<>();
    private final StringBuilder errorText = new StringBuilder();
    private final ThreadLocal<String> lastError = ThreadLocal.withInitial(() -> "(no HDF5 error stack)");
    private final MemorySegment errorWalker;

    /** Predefined identifiers: global variables in libhdf5, valid after {@code H5open}. */
    public final long dcplClass;
    public final long daplClass;
    public final long faplClass;
    public final long u8;
    public final long u16;
    public final long u32;
    public final long i32;
    public final long f32;
    public final long i8;
    public final long i64;
    public final long f64;
    public final long cString;

    private Hdf5(Path library) throws IOException {
        this.library = library;
        this.symbols = SymbolLookup.libraryLookup(library, Arena.global());
        try {
            errorWalker = LINKER.upcallStub(MethodHandles.lookup().findVirtual(Hdf5.class, "walkError",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class)).bindTo(this),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS.withTargetLayout(ERROR_LAYOUT), ADDRESS),
                    Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        check((int) call("H5open", FunctionDescriptor.of(JAVA_INT)), "H5open");
        // Errors come back as exceptions with the stack text; HDF5 must not also print them to stderr.
        check((int) call("H5Eset_auto2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS), E_DEFAULT,
                MemorySegment.NULL, MemorySegment.NULL), "H5Eset_auto2");
        dcplClass = global("H5P_CLS_DATASET_CREATE_ID_g");
        daplClass = global("H5P_CLS_DATASET_ACCESS_ID_g");
        faplClass = global("H5P_CLS_FILE_ACCESS_ID_g");
        u8 = global("H5T_STD_U8LE_g");
        u16 = global("H5T_STD_U16LE_g");
        u32 = global("H5T_STD_U32LE_g");
        i32 = global("H5T_STD_I32LE_g");
        f32 = global("H5T_IEEE_F32LE_g");
        i8 = global("H5T_NATIVE_INT8_g");
        i64 = global("H5T_NATIVE_INT64_g");
        f64 = global("H5T_NATIVE_DOUBLE_g");
        cString = global("H5T_C_S1_g");
    }

    /**
     * The library at {@code library}, loaded once per JVM.
     *
     * @throws IOException naming the path if it is missing or not a usable libhdf5
     */
    public static Hdf5 load(Path library) throws IOException {
        Path key = library.toAbsolutePath().normalize();
        Hdf5 loaded = LOADED.get(key);
        if (loaded != null) {
            return loaded;
        }
        if (!Files.isRegularFile(key)) {
            throw new IOException("libhdf5 not found at " + key + "; install libhdf5-103-1 (Debian/Ubuntu) or set"
                    + " the writer's libraryPath / DATASTAMP_HDF5_LIB to the libhdf5 shared library");
        }
        synchronized (LOCK) {
            loaded = LOADED.get(key);
            if (loaded == null) {
                try {
                    loaded = new Hdf5(key);
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    throw new IOException("Cannot use " + key + " as libhdf5 1.10+: " + e.getMessage(), e);
                }
                LOADED.put(key, loaded);
            }
            return loaded;
        }
    }

    /** The library file in use. */
    public Path library() {
        return library;
    }

    // ------------------------------------------------------------------ files

    /** {@code H5Fcreate} refusing to overwrite (H5F_ACC_EXCL), with the given file access property list. */
    public long fileCreate(Path file, long fapl) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Fcreate", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_LONG,
                    JAVA_LONG), a.allocateFrom(file.toString()), F_ACC_EXCL, P_DEFAULT, fapl), "create " + file);
        }
    }

    public long fileOpen(Path file, int flags, long fapl) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Fopen", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_LONG),
                    a.allocateFrom(file.toString()), flags, fapl), "open " + file);
        }
    }

    public void fileFlush(long file) throws IOException {
        check((int) call("H5Fflush", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), file, F_SCOPE_GLOBAL),
                "H5Fflush");
    }

    /** Switches an open file to single-writer/multiple-reader mode: from now on the file on disk stays readable. */
    public void startSwmrWrite(long file) throws IOException {
        check((int) call("H5Fstart_swmr_write", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), file),
                "H5Fstart_swmr_write");
    }

    public void fileClose(long file) throws IOException {
        close("H5Fclose", file);
    }

    // ------------------------------------------------------- property lists

    /**
     * A file access property list for the newest file format (needed for SWMR and its append-friendly chunk index),
     * optionally clearing the "file is open for writing" flags a crashed writer leaves (what {@code h5clear -s}
     * does, through the same library property).
     */
    public long fileAccessLatest(boolean clearStatusFlags) throws IOException {
        long fapl = checkId((long) call("H5Pcreate", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), faplClass),
                "H5Pcreate(file access)");
        check((int) call("H5Pset_libver_bounds", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT),
                fapl, F_LIBVER_LATEST, F_LIBVER_LATEST), "H5Pset_libver_bounds");
        if (clearStatusFlags) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment yes = a.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, (byte) 1); // hbool_t
                check((int) call("H5Pset", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS), fapl,
                        a.allocateFrom("clear_status_flags"), yes), "H5Pset(clear_status_flags)");
            }
        }
        return fapl;
    }

    /** A dataset creation property list with the given chunk shape. */
    public long chunkedCreation(long[] chunk) throws IOException {
        long dcpl = checkId((long) call("H5Pcreate", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), dcplClass),
                "H5Pcreate(dataset create)");
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Pset_chunk", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS), dcpl,
                    chunk.length, a.allocateFrom(JAVA_LONG, chunk)), "H5Pset_chunk");
        }
        return dcpl;
    }

    /** Adds a filter (by registered id, with its client data values) to a dataset creation property list. */
    public void setFilter(long dcpl, int filterId, int flags, int[] clientData) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Pset_filter", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT,
                    JAVA_LONG, ADDRESS), dcpl, filterId, flags, (long) clientData.length,
                    clientData.length == 0 ? MemorySegment.NULL : a.allocateFrom(JAVA_INT, clientData)),
                    "H5Pset_filter(" + filterId + ")");
        }
    }

    public void setShuffleDeflate(long dcpl, int level) throws IOException {
        check((int) call("H5Pset_shuffle", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), dcpl), "H5Pset_shuffle");
        check((int) call("H5Pset_deflate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), dcpl, level),
                "H5Pset_deflate");
    }

    /**
     * Maps the selection of {@code virtualSpace} in a virtual dataset to all of {@code sourceSpace} in dataset
     * {@code sourceDataset} of file {@code sourceFile} (relative names are looked up beside the virtual file).
     */
    public void setVirtual(long dcpl, long virtualSpace, String sourceFile, String sourceDataset, long sourceSpace)
            throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Pset_virtual", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS,
                    JAVA_LONG), dcpl, virtualSpace, a.allocateFrom(sourceFile), a.allocateFrom(sourceDataset),
                    sourceSpace), "H5Pset_virtual(" + sourceFile + ")");
        }
    }

    /** An empty dataset creation property list. */
    public long datasetCreation() throws IOException {
        return checkId((long) call("H5Pcreate", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), dcplClass),
                "H5Pcreate(dataset create)");
    }

    public void propertiesClose(long plist) throws IOException {
        close("H5Pclose", plist);
    }

    /** Adds a folder to the places libhdf5 looks for filter plugins. */
    public void pluginPathAppend(Path dir) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5PLappend", FunctionDescriptor.of(JAVA_INT, ADDRESS), a.allocateFrom(dir.toString())),
                    "H5PLappend(" + dir + ")");
        }
    }

    /** Whether libhdf5 can use the filter (built in, registered, or found as a plugin). */
    public boolean filterAvailable(int filterId) throws IOException {
        int r = (int) call("H5Zfilter_avail", FunctionDescriptor.of(JAVA_INT, JAVA_INT), filterId);
        check(r, "H5Zfilter_avail(" + filterId + ")");
        return r > 0;
    }

    // ------------------------------------------------------- groups, links

    public long groupCreate(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Gcreate2", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG,
                    JAVA_LONG, JAVA_LONG), loc, a.allocateFrom(name), P_DEFAULT, P_DEFAULT, P_DEFAULT),
                    "create group " + name);
        }
    }

    public long groupOpen(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Gopen2", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
                    loc, a.allocateFrom(name), P_DEFAULT), "open group " + name);
        }
    }

    public void groupClose(long group) throws IOException {
        close("H5Gclose", group);
    }

    /** A link {@code name} at {@code loc} to object {@code object} in another file (a relative file name). */
    public void linkExternal(String file, String object, long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Lcreate_external", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG,
                    ADDRESS, JAVA_LONG, JAVA_LONG), a.allocateFrom(file), a.allocateFrom(object), loc,
                    a.allocateFrom(name), P_DEFAULT, P_DEFAULT), "external link " + name + " -> " + file + ":" + object);
        }
    }

    public void linkSoft(String target, long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Lcreate_soft", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS,
                    JAVA_LONG, JAVA_LONG), a.allocateFrom(target), loc, a.allocateFrom(name), P_DEFAULT, P_DEFAULT),
                    "soft link " + name + " -> " + target);
        }
    }

    public boolean linkExists(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            int r = (int) call("H5Lexists", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG), loc,
                    a.allocateFrom(name), P_DEFAULT);
            check(r, "H5Lexists(" + name + ")");
            return r > 0;
        }
    }

    public void linkDelete(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Ldelete", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG), loc,
                    a.allocateFrom(name), P_DEFAULT), "H5Ldelete(" + name + ")");
        }
    }

    // ------------------------------------------------------- dataspaces, types

    public long spaceScalar() throws IOException {
        return checkId((long) call("H5Screate", FunctionDescriptor.of(JAVA_LONG, JAVA_INT), S_SCALAR), "H5Screate");
    }

    /** A simple dataspace; {@code max} may be null (fixed size) or hold {@link #S_UNLIMITED}. */
    public long spaceSimple(long[] dims, long[] max) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Screate_simple", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS,
                    ADDRESS), dims.length, a.allocateFrom(JAVA_LONG, dims),
                    max == null ? MemorySegment.NULL : a.allocateFrom(JAVA_LONG, max)), "H5Screate_simple");
        }
    }

    /** Selects the block {@code start}..{@code start+count} of a dataspace. */
    public void selectBlock(long space, long[] start, long[] count) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Sselect_hyperslab", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS,
                    ADDRESS, ADDRESS, ADDRESS), space, S_SELECT_SET, a.allocateFrom(JAVA_LONG, start),
                    MemorySegment.NULL, a.allocateFrom(JAVA_LONG, count), MemorySegment.NULL), "H5Sselect_hyperslab");
        }
    }

    /** Current dimensions of a dataspace. */
    public long[] spaceDims(long space, int rank) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment dims = a.allocate(JAVA_LONG, rank);
            check((int) call("H5Sget_simple_extent_dims", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS,
                    ADDRESS), space, dims, MemorySegment.NULL), "H5Sget_simple_extent_dims");
            return dims.toArray(JAVA_LONG);
        }
    }

    public void spaceClose(long space) throws IOException {
        close("H5Sclose", space);
    }

    /** A UTF-8 string type: variable length if {@code length} is negative, else fixed, null-terminated. */
    public long stringType(long length) throws IOException {
        long t = checkId((long) call("H5Tcopy", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), cString), "H5Tcopy");
        check((int) call("H5Tset_size", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG), t,
                length < 0 ? T_VARIABLE : length), "H5Tset_size");
        check((int) call("H5Tset_cset", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), t, T_CSET_UTF8),
                "H5Tset_cset");
        return t;
    }

    public void typeClose(long type) throws IOException {
        close("H5Tclose", type);
    }

    // ------------------------------------------------------- datasets

    public long datasetCreate(long loc, String name, long type, long space, long dcpl) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Dcreate2", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG,
                    JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), loc, a.allocateFrom(name), type, space, P_DEFAULT,
                    dcpl, P_DEFAULT), "create dataset " + name);
        }
    }

    public long datasetOpen(long loc, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return checkId((long) call("H5Dopen2", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
                    loc, a.allocateFrom(name), P_DEFAULT), "open dataset " + name);
        }
    }

    /** {@code dims} must be a native segment of {@code hsize_t}s (reused by the caller per frame). */
    public void datasetSetExtent(long dataset, MemorySegment dims) throws IOException {
        check((int) call("H5Dset_extent", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), dataset, dims),
                "H5Dset_extent");
    }

    /**
     * Stores {@code bytes} as the chunk at {@code offset} exactly as given, bypassing the filter pipeline: the bytes
     * must already be what the dataset's filters would have produced ({@code filterMask} 0 = all filters applied).
     */
    public void writeChunk(long dataset, int filterMask, MemorySegment offset, MemorySegment bytes)
            throws IOException {
        check((int) call("H5Dwrite_chunk", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS,
                JAVA_LONG, ADDRESS), dataset, P_DEFAULT, filterMask, offset, bytes.byteSize(), bytes),
                "H5Dwrite_chunk");
    }

    /** {@code H5Dwrite} of memory of {@code memType} into the selection of {@code fileSpace} (or everything). */
    public void write(long dataset, long memType, long memSpace, long fileSpace, MemorySegment data)
            throws IOException {
        check((int) call("H5Dwrite", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                JAVA_LONG, ADDRESS), dataset, memType, memSpace, fileSpace, P_DEFAULT, data), "H5Dwrite");
    }

    public long datasetSpace(long dataset) throws IOException {
        return checkId((long) call("H5Dget_space", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), dataset),
                "H5Dget_space");
    }

    /** Bytes stored for the chunk at {@code offset}; 0 if it was never written. */
    public long chunkStorageSize(long dataset, long[] offset) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(JAVA_LONG);
            check((int) call("H5Dget_chunk_storage_size", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS,
                    ADDRESS), dataset, a.allocateFrom(JAVA_LONG, offset), size), "H5Dget_chunk_storage_size");
            return size.get(JAVA_LONG, 0);
        }
    }

    public void datasetFlush(long dataset) throws IOException {
        check((int) call("H5Dflush", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), dataset), "H5Dflush");
    }

    public void datasetClose(long dataset) throws IOException {
        close("H5Dclose", dataset);
    }

    // ------------------------------------------------------- attributes

    public boolean attributeExists(long obj, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            int r = (int) call("H5Aexists", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), obj,
                    a.allocateFrom(name));
            check(r, "H5Aexists(" + name + ")");
            return r > 0;
        }
    }

    public void attributeDelete(long obj, String name) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            check((int) call("H5Adelete", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), obj,
                    a.allocateFrom(name)), "H5Adelete(" + name + ")");
        }
    }

    /** Creates attribute {@code name} on {@code obj} and writes {@code value} (memory of {@code type}) into it. */
    public void attributeWrite(long obj, String name, long type, long space, MemorySegment value) throws IOException {
        long attr;
        try (Arena a = Arena.ofConfined()) {
            attr = checkId((long) call("H5Acreate2", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG,
                    JAVA_LONG, JAVA_LONG, JAVA_LONG), obj, a.allocateFrom(name), type, space, P_DEFAULT, P_DEFAULT),
                    "create attribute " + name);
        }
        try {
            check((int) call("H5Awrite", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS), attr, type,
                    value), "write attribute " + name);
        } finally {
            close("H5Aclose", attr);
        }
    }

    // ------------------------------------------------------- plumbing

    private long global(String symbol) throws IOException {
        MemorySegment address = symbols.find(symbol).orElseThrow(
                () -> new IOException(library + " has no " + symbol + "; is it libhdf5 1.10 or newer?"));
        return address.reinterpret(JAVA_LONG.byteSize()).get(JAVA_LONG, 0);
    }

    void close(String function, long id) throws IOException {
        check((int) call(function, FunctionDescriptor.of(JAVA_INT, JAVA_LONG), id), function);
    }

    /** Calls a libhdf5 function under the library lock; method handles are looked up once per function. */
    Object call(String function, FunctionDescriptor descriptor, Object... args) throws Hdf5Exception {
        MethodHandle handle = handles.computeIfAbsent(function, f -> LINKER.downcallHandle(symbols.find(f)
                .orElseThrow(() -> new UnsupportedOperationException(library + " has no function " + f)),
                descriptor));
        synchronized (LOCK) {
            try {
                Object result = handle.invokeWithArguments(args);
                if (result instanceof Number n && n.longValue() < 0 && !function.equals("H5Ewalk2")) {
                    // read the stack before another call (from any thread) resets it
                    lastError.set(errorStack());
                }
                return result;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new Hdf5Exception(function + " failed: " + e, e);
            }
        }
    }

    long checkId(long id, String what) throws Hdf5Exception {
        if (id < 0) {
            throw new Hdf5Exception("HDF5 could not " + what + ": " + lastError.get());
        }
        return id;
    }

    void check(int status, String what) throws Hdf5Exception {
        if (status < 0) {
            throw new Hdf5Exception("HDF5 " + what + " failed: " + lastError.get());
        }
    }

    // H5E_error2_t: cls_id, maj_num, min_num (hid_t), line (unsigned), func_name, file_name, desc (char *)
    private static final MemoryLayout ERROR_LAYOUT = MemoryLayout.structLayout(JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_INT, MemoryLayout.paddingLayout(4), ADDRESS, ADDRESS, ADDRESS);

    /** The current error stack as text, innermost cause last, e.g. "H5Fcreate: unable to create file; ...". */
    private String errorStack() {
        synchronized (LOCK) {
            errorText.setLength(0);
            try {
                call("H5Ewalk2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS), E_DEFAULT,
                        E_WALK_DOWNWARD, errorWalker, MemorySegment.NULL);
            } catch (Hdf5Exception e) {
                return "(no HDF5 error stack: " + e.getMessage() + ")";
            }
            return errorText.isEmpty() ? "(HDF5 gave no error details)" : errorText.toString();
        }
    }

    /** H5E_walk2_t callback: appends one error record. */
    @SuppressWarnings("unused") // called from libhdf5 through the upcall stub
    private int walkError(int n, MemorySegment error, MemorySegment clientData) {
        MemorySegment e = error.reinterpret(ERROR_LAYOUT.byteSize());
        String function = text(e.get(ADDRESS, 32));
        String description = text(e.get(ADDRESS, 48));
        if (!errorText.isEmpty()) {
            errorText.append("; ");
        }
        errorText.append(function).append(": ").append(description);
        return 0;
    }

    private static String text(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? "?" : cString.reinterpret(4096).getString(0);
    }
}
