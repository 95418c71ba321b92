package org.datastamp.acquisition.hdf5;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;

/**
 * One data file: {@code /entry/data/data}, an extendible [n, height, width] dataset with one frame per chunk, grown
 * frame by frame. The file is in SWMR mode (single writer, multiple readers) from creation on: libhdf5 then orders
 * its metadata writes so the file on disk is always readable, and after {@link #flush} it holds every frame written
 * so far, whatever happens to this process afterwards.
 */
final class DataFile implements AutoCloseable {

    static final String DATASET = "/entry/data/data";
    /** Bitshuffle cd_values as hdf5plugin and bitshuffle's h5py filter pass them: block size 0 (auto), 2 = LZ4. */
    private static final int[] BSLZ4_OPTIONS = { 0, 2 };
    /** LZ4 cd_values as hdf5plugin passes them: block size 0 (default, one block per chunk up to 1 GiB). */
    private static final int[] LZ4_OPTIONS = { 0 };

    private final Hdf5 h5;
    private final Path path;
    private final FrameGeometry geometry;
    private final FrameEncoding encoding;
    private final long pixelType;
    private final long file;
    private final long dataset;
    private final FileChannel syncChannel;
    private final EarlyWriteback writeback;
    private final Arena arena = Arena.ofShared(); // created and used on possibly different threads
    private final MemorySegment dims;
    private final MemorySegment offset;
    private final long memSpace;
    private MemorySegment copyBuffer;
    private long frames;

    private DataFile(Hdf5 h5, Path path, FrameGeometry geometry, FrameEncoding encoding, long file, long dataset,
            long memSpace, long earlyWritebackBytes) throws IOException {
        this.h5 = h5;
        this.path = path;
        this.geometry = geometry;
        this.encoding = encoding;
        this.pixelType = pixelType(h5, geometry);
        this.file = file;
        this.dataset = dataset;
        this.memSpace = memSpace;
        this.dims = arena.allocateFrom(JAVA_LONG, 0, geometry.height(), geometry.width());
        this.offset = arena.allocateFrom(JAVA_LONG, 0, 0, 0);
        this.syncChannel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            this.writeback = EarlyWriteback.open(path, earlyWritebackBytes);
        } catch (IOException e) {
            syncChannel.close();
            throw e;
        }
    }

    /**
     * Creates the file (never overwriting) for frames arriving as {@code encoding}; raw frames get
     * {@code rawCompression} applied by libhdf5; with {@code earlyWritebackBytes} > 0 the kernel starts writing the file's
     * pages as they are appended (see {@link EarlyWriteback}).
     */
    static DataFile create(Hdf5 h5, Path path, FrameGeometry geometry, FrameEncoding encoding,
            RawCompression rawCompression, long earlyWritebackBytes) throws IOException {
        NexusNodes nx = new NexusNodes(h5);
        long fapl = h5.fileAccessLatest(false);
        long file;
        try {
            file = h5.fileCreate(path, fapl);
        } finally {
            h5.propertiesClose(fapl);
        }
        try {
            long entry = nx.group(file, "entry", "NXentry");
            long data = nx.group(entry, "data", "NXdata");
            nx.attribute(data, "signal", "data");
            long dataset = createDataset(h5, data, geometry, encoding, rawCompression);
            h5.groupClose(data);
            h5.groupClose(entry);
            h5.startSwmrWrite(file);
            long memSpace = h5.spaceSimple(new long[] { 1, geometry.height(), geometry.width() }, null);
            return new DataFile(h5, path, geometry, encoding, file, dataset, memSpace, earlyWritebackBytes);
        } catch (IOException | RuntimeException e) {
            h5.fileClose(file);
            throw e;
        }
    }

    private static long createDataset(Hdf5 h5, long group, FrameGeometry g, FrameEncoding encoding,
            RawCompression rawCompression) throws IOException {
        long[] frame = { 1, g.height(), g.width() };
        long dcpl = h5.chunkedCreation(frame);
        long space = h5.spaceSimple(new long[] { 0, g.height(), g.width() },
                new long[] { Hdf5.S_UNLIMITED, g.height(), g.width() });
        try {
            FrameEncoding filter = encoding != FrameEncoding.RAW ? encoding : rawCompression.filter();
            if (filter != FrameEncoding.RAW) {
                requireFilter(h5, filter);
                h5.setFilter(dcpl, filter.hdf5FilterId(), Hdf5.Z_FLAG_MANDATORY,
                        filter == FrameEncoding.BSLZ4 ? BSLZ4_OPTIONS : LZ4_OPTIONS);
            } else if (rawCompression.deflateLevel() > 0) {
                h5.setShuffleDeflate(dcpl, rawCompression.deflateLevel());
            }
            return h5.datasetCreate(group, "data", pixelType(h5, g), space, dcpl);
        } finally {
            h5.spaceClose(space);
            h5.propertiesClose(dcpl);
        }
    }

    /** The filter's plugin must load: libhdf5 completes its parameters from it, and readers need it anyway. */
    static void requireFilter(Hdf5 h5, FrameEncoding filter) throws IOException {
        if (!h5.filterAvailable(filter.hdf5FilterId())) {
            throw new IOException("HDF5 filter " + filter.hdf5FilterId() + " (" + filter + ") is not available to "
                    + h5.library() + ": install its plugin (Debian: bitshuffle for 32008, hdf5-filter-plugin for"
                    + " 32004) or point the writer's pluginPath / HDF5_PLUGIN_PATH at the folder holding it");
        }
    }

    static long pixelType(Hdf5 h5, FrameGeometry g) {
        return switch (g.pixelType()) {
            case UINT8 -> h5.u8;
            case UINT16 -> h5.u16;
            case UINT32 -> h5.u32;
            case INT32 -> h5.i32;
            case FLOAT32 -> h5.f32;
        };
    }

    Path path() {
        return path;
    }

    long frames() {
        return frames;
    }

    /** Appends a frame: grows the dataset by one and stores the frame as its chunk. */
    void append(Frame frame) throws IOException {
        long index = frames;
        dims.setAtIndex(JAVA_LONG, 0, index + 1);
        h5.datasetSetExtent(dataset, dims);
        MemorySegment bytes = nativeBytes(frame.pixels());
        if (encoding != FrameEncoding.RAW) {
            offset.setAtIndex(JAVA_LONG, 0, index);
            h5.writeChunk(dataset, 0, offset, bytes);
        } else {
            long fileSpace = h5.datasetSpace(dataset);
            try {
                h5.selectBlock(fileSpace, new long[] { index, 0, 0 },
                        new long[] { 1, geometry.height(), geometry.width() });
                h5.write(dataset, pixelType, memSpace, fileSpace, bytes);
            } finally {
                h5.spaceClose(fileSpace);
            }
        }
        frames = index + 1;
        writeback.written(bytes.byteSize());
    }

    /** Direct buffers are passed as they are; heap buffers are copied once into a reused native buffer. */
    private MemorySegment nativeBytes(ByteBuffer pixels) {
        if (pixels.isDirect()) {
            return MemorySegment.ofBuffer(pixels);
        }
        int size = pixels.remaining();
        if (copyBuffer == null || copyBuffer.byteSize() < size) {
            copyBuffer = arena.allocate(Math.max(size, geometry.frameBytes()));
        }
        MemorySegment target = copyBuffer.asSlice(0, size);
        MemorySegment.copy(MemorySegment.ofBuffer(pixels), 0, target, 0, size);
        return target;
    }

    /** Writes everything libhdf5 holds for this file; with {@code fsync} also forces it to the device. */
    void flush(boolean fsync) throws IOException {
        h5.datasetFlush(dataset);
        h5.fileFlush(file);
        if (fsync) {
            syncChannel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            h5.spaceClose(memSpace);
            h5.datasetClose(dataset);
            h5.fileClose(file);
        } finally {
            try (syncChannel; writeback) {
                arena.close();
            }
        }
    }

    /**
     * Finalises a data file a crashed writer left open: clears its "open for writing" flags (what
     * {@code h5clear -s} does), cuts the dataset to at most {@code keep} frames, stopping before the first frame
     * whose chunk was never stored, and closes it. Returns the frames it now holds.
     */
    static long recover(Hdf5 h5, Path path, long keep) throws IOException {
        long fapl = h5.fileAccessLatest(true);
        long file;
        try {
            file = h5.fileOpen(path, Hdf5.F_ACC_RDWR, fapl);
        } finally {
            h5.propertiesClose(fapl);
        }
        try {
            long dataset = h5.datasetOpen(file, DATASET);
            try {
                long space = h5.datasetSpace(dataset);
                long[] current = h5.spaceDims(space, 3);
                h5.spaceClose(space);
                long kept = 0;
                while (kept < Math.min(keep, current[0]) && h5.chunkStorageSize(dataset, new long[] { kept, 0, 0 }) > 0) {
                    kept++;
                }
                try (Arena a = Arena.ofConfined()) {
                    h5.datasetSetExtent(dataset, a.allocateFrom(JAVA_LONG, kept, current[1], current[2]));
                }
                return kept;
            } finally {
                h5.datasetClose(dataset);
            }
        } finally {
            h5.fileClose(file);
        }
    }
}
