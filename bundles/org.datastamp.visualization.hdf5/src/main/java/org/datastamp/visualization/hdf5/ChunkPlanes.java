package org.datastamp.visualization.hdf5;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.datastamp.core.bitshuffle.ChunkFormat;
import org.datastamp.core.bitshuffle.ChunkFormatException;
import org.datastamp.core.bitshuffle.FilterChunk;
import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.core.hdf5.Hdf5Exception;
import org.datastamp.core.hdf5.Hdf5Reading;
import org.datastamp.visualization.api.ElementType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rows of one frame (a 2-D plane) of a dataset stored one frame per chunk with the bitshuffle/LZ4 or LZ4
 * filter, as detectors and the scan writer store them, without libhdf5's filter plugins: the compressed chunk is read
 * as stored ({@code H5Dread_chunk}, a short hold of the library lock) and decoded in Java on several threads, only
 * the blocks the rows need. The plugins decompress a whole chunk on one thread inside the lock (~270 ms for a
 * 4096x4096 uint32 frame), which is most of a cold image's time. Virtual datasets (the writer's master files over
 * several data files) are followed to the source dataset's chunk.
 *
 * <p>Anything else answers empty and the caller reads through libhdf5: other filters, chunks that are not whole
 * frames, data whose bytes are not native little-endian, frames never written (fill values), chunks with a skipped
 * filter, virtual mappings that are not plain blocks, and bitshuffle block sizes the decoder does not handle.
 */
final class ChunkPlanes {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkPlanes.class);
    private static final int BITSHUFFLE = 32008;
    private static final int BITSHUFFLE_LZ4 = 2; // cd_values[4], the compression, in a completed pipeline
    private static final int LZ4 = 32004;

    private final Hdf5Reading h5;
    private final Executor decoders;
    private final int threads;
    private final AtomicLong decoded = new AtomicLong();

    ChunkPlanes(Hdf5Reading h5, Executor decoders, int threads) {
        this.h5 = h5;
        this.decoders = decoders;
        this.threads = threads;
    }

    /** How many frames (or parts) were decoded here. */
    long decoded() {
        return decoded.get();
    }

    /** A chunk to read: the dataset holding it (opened here if {@code file >= 0}), its offset and format. */
    private record Source(long file, long dataset, long[] offset, ChunkFormat format) {
    }

    /**
     * Rows {@code y0} (inclusive) to {@code y1} (exclusive) of the plane at the {@code leading} indices, whole width,
     * little-endian; empty if this dataset or frame must be read through libhdf5.
     *
     * @param memType the native type the caller reads as; the stored bytes must be exactly those
     */
    Optional<ByteBuffer> rows(long dataset, Path file, long[] shape, long[] leading, long memType, ElementType type,
            int y0, int y1) throws IOException {
        Source source = locate(dataset, file, shape, leading, memType);
        if (source == null) {
            return Optional.empty();
        }
        // shared: the decode threads read the chunk too; freed as soon as it is decoded
        try (Arena arena = Arena.ofShared()) {
            Read read = frameChunk(source, arena, file, shape, type);
            if (read == null) {
                return Optional.empty();
            }
            FilterChunk decoder = read.decoder();
            long rowBytes = shape[shape.length - 1] * type.bytes();
            ByteBuffer rows = decoder.decode((int) (y0 * rowBytes), (int) (y1 * rowBytes), decoders, threads);
            decoded.incrementAndGet();
            return Optional.of(rows);
        } catch (ChunkFormatException e) {
            LOG.debug("Chunk of {} not decoded in Java ({}); reading through libhdf5", file, e.getMessage());
            return Optional.empty();
        } finally {
            closeSource(source);
        }
    }

    /** A plane's chunk as stored, not decoded, with its format. */
    record Stored(ByteBuffer chunk, ChunkFormat format) {
    }

    /**
     * The plane at the {@code leading} indices as stored, for callers that decode it themselves (binning each block
     * as it comes, never holding the plane decoded); empty if this dataset or frame must be read through libhdf5.
     */
    Optional<Stored> stored(long dataset, Path file, long[] shape, long[] leading, long memType, ElementType type)
            throws IOException {
        Source source = locate(dataset, file, shape, leading, memType);
        if (source == null) {
            return Optional.empty();
        }
        try {
            Arena arena = Arena.ofAuto(); // handed over: the GC frees it with the buffer
            Read read = frameChunk(source, arena, file, shape, type);
            return read == null ? Optional.empty() : Optional.of(new Stored(read.chunk(), source.format()));
        } catch (ChunkFormatException e) {
            LOG.debug("Chunk of {} not taken as stored ({}); reading through libhdf5", file, e.getMessage());
            return Optional.empty();
        } finally {
            closeSource(source);
        }
    }

    /** A chunk read as stored, and its index of blocks. */
    private record Read(ByteBuffer chunk, FilterChunk decoder) {
    }

    /** The source's chunk read into {@code arena} and indexed; null if it is missing or not one whole frame. */
    private Read frameChunk(Source source, Arena arena, Path file, long[] shape, ElementType type)
            throws IOException {
        long stored = storedBytes(source);
        if (stored <= 0) {
            return null; // never written: libhdf5 answers the fill value
        }
        MemorySegment chunk = arena.allocate(stored, 64);
        if (h5.readChunk(source.dataset(), source.offset(), chunk) != 0) {
            return null;
        }
        ByteBuffer bytes = chunk.asByteBuffer();
        FilterChunk decoder = FilterChunk.parse(bytes, source.format(), type.bytes());
        long frameBytes = shape[shape.length - 1] * shape[shape.length - 2] * type.bytes();
        if (decoder.decodedBytes() != frameBytes) {
            LOG.debug("Chunk of {} decodes to {} bytes, not one frame; reading through libhdf5", file,
                    decoder.decodedBytes());
            return null;
        }
        return new Read(bytes, decoder);
    }

    private void closeSource(Source source) throws IOException {
        if (source.file() >= 0) {
            h5.library().datasetClose(source.dataset());
            h5.library().fileClose(source.file());
        }
    }

    /** The chunk's size in the file; 0 if it was never written (libhdf5 1.10 then reports an error). */
    private long storedBytes(Source source) throws IOException {
        try {
            return h5.library().chunkStorageSize(source.dataset(), source.offset());
        } catch (Hdf5Exception e) {
            if (e.getMessage().contains("not allocated")) {
                return 0;
            }
            throw e;
        }
    }

    private Source locate(long dataset, Path file, long[] shape, long[] leading, long memType) throws IOException {
        long dcpl = h5.datasetCreationProperties(dataset);
        try {
            int layout = h5.layout(dcpl);
            if (layout == Hdf5Reading.D_CHUNKED) {
                ChunkFormat format = format(dataset, dcpl, shape, memType);
                return format == null ? null : new Source(-1, dataset, offset(leading), format);
            }
            return layout == Hdf5Reading.D_VIRTUAL ? virtualSource(dcpl, file, shape, leading, memType) : null;
        } finally {
            h5.library().propertiesClose(dcpl);
        }
    }

    /** The format if the dataset is stored one whole plane per chunk, with one filter decoded here, as native bytes. */
    private ChunkFormat format(long dataset, long dcpl, long[] shape, long memType) throws IOException {
        int rank = shape.length;
        long[] chunk = h5.chunkShape(dcpl, rank);
        for (int d = 0; d < rank; d++) {
            long want = d < rank - 2 ? 1 : shape[d];
            if (chunk[d] != want) {
                return null;
            }
        }
        Hdf5Reading.Filter[] filters = h5.filters(dcpl);
        if (filters.length != 1) {
            return null;
        }
        Hdf5Reading.Filter f = filters[0];
        ChunkFormat format = f.id() == LZ4 ? ChunkFormat.LZ4 : f.id() == BITSHUFFLE && f.values().length >= 5
                && f.values()[4] == BITSHUFFLE_LZ4 ? ChunkFormat.BITSHUFFLE_LZ4 : null;
        if (format == null) {
            return null;
        }
        long type = h5.datasetType(dataset);
        try {
            return h5.typeEquals(type, memType) ? format : null;
        } finally {
            h5.library().typeClose(type);
        }
    }

    /**
     * The source of a virtual dataset's plane: the mapping whose virtual selection holds the whole plane, if it is a
     * plain block (as the writer makes them: frames a..b of the master are frames 0..b-a of a data file).
     */
    private Source virtualSource(long dcpl, Path file, long[] shape, long[] leading, long memType)
            throws IOException {
        int rank = shape.length;
        try {
            int mappings = h5.virtualCount(dcpl);
            for (int i = 0; i < mappings; i++) {
                long virtual = h5.virtualSpace(dcpl, i);
                long source = h5.virtualSourceSpace(dcpl, i);
                try {
                    long[][] v = h5.selectionBounds(virtual, rank);
                    if (!holdsPlane(v, shape, leading)) {
                        continue;
                    }
                    if (!isBlock(virtual, v)) {
                        return null;
                    }
                    return openSource(file, h5.virtualFileName(dcpl, i), h5.virtualDatasetName(dcpl, i), shape,
                            leading, v, source, memType);
                } finally {
                    h5.library().spaceClose(source);
                    h5.library().spaceClose(virtual);
                }
            }
            return null;
        } catch (Hdf5Exception e) {
            // e.g. unlimited or point selections: libhdf5 knows how to read those
            LOG.debug("Virtual dataset in {} not followed ({}); reading through libhdf5", file, e.getMessage());
            return null;
        }
    }

    private Source openSource(Path file, String fileName, String datasetName, long[] shape, long[] leading,
            long[][] virtualBlock, long sourceSelection, long memType) throws IOException {
        // relative source names are relative to the virtual dataset's file, as libhdf5 resolves them by default
        Path sourceFile = fileName.equals(".") ? file : file.toAbsolutePath().resolveSibling(fileName);
        if (!Files.isRegularFile(sourceFile)) {
            return null;
        }
        int rank = shape.length;
        long f = h5.library().fileOpen(sourceFile, Hdf5.F_ACC_RDONLY, Hdf5.P_DEFAULT);
        long d = -1;
        try {
            d = h5.library().datasetOpen(f, datasetName);
            long space = h5.library().datasetSpace(d);
            long[] sourceShape;
            try {
                sourceShape = h5.library().spaceDims(space, h5.spaceRank(space));
            } finally {
                h5.library().spaceClose(space);
            }
            long[][] s = sourceShape.length == rank ? sourceBlock(sourceSelection, sourceShape) : null;
            if (s == null || !sameExtent(virtualBlock, s) || s[0][rank - 2] != 0 || s[0][rank - 1] != 0) {
                return null;
            }
            ChunkFormat format = sourceFormat(d, sourceShape, memType);
            if (format == null) {
                return null;
            }
            long[] at = new long[rank - 2];
            for (int k = 0; k < rank - 2; k++) {
                at[k] = leading[k] - virtualBlock[0][k] + s[0][k];
            }
            Source source = new Source(f, d, offset(at), format);
            d = -1;
            f = -1;
            return source;
        } finally {
            if (d >= 0) {
                h5.library().datasetClose(d);
            }
            if (f >= 0) {
                h5.library().fileClose(f);
            }
        }
    }

    /**
     * The block a mapping's source selection covers. Stored selections carry no extent until libhdf5 opens the
     * source (their rank reads 0), so "all" is taken from the source dataset's shape; a hyperslab is used only if
     * its extent is known and it is a plain block.
     */
    private long[][] sourceBlock(long selection, long[] sourceShape) throws IOException {
        int rank = sourceShape.length;
        if (h5.selectionType(selection) == Hdf5Reading.S_SEL_ALL) {
            long[] end = new long[rank];
            for (int k = 0; k < rank; k++) {
                end[k] = sourceShape[k] - 1;
            }
            return new long[][] {new long[rank], end};
        }
        if (h5.selectionType(selection) != Hdf5Reading.S_SEL_HYPERSLABS || h5.spaceRank(selection) != rank) {
            return null;
        }
        long[][] s = h5.selectionBounds(selection, rank);
        return isBlock(selection, s) ? s : null;
    }

    private ChunkFormat sourceFormat(long dataset, long[] shape, long memType) throws IOException {
        long dcpl = h5.datasetCreationProperties(dataset);
        try {
            return h5.layout(dcpl) == Hdf5Reading.D_CHUNKED ? format(dataset, dcpl, shape, memType) : null;
        } finally {
            h5.library().propertiesClose(dcpl);
        }
    }

    private static boolean holdsPlane(long[][] bounds, long[] shape, long[] leading) {
        int rank = shape.length;
        for (int d = 0; d < rank - 2; d++) {
            if (leading[d] < bounds[0][d] || leading[d] > bounds[1][d]) {
                return false;
            }
        }
        return bounds[0][rank - 2] == 0 && bounds[0][rank - 1] == 0 && bounds[1][rank - 2] == shape[rank - 2] - 1
                && bounds[1][rank - 1] == shape[rank - 1] - 1;
    }

    /** Whether a selection is every element between its bounds (no strides, gaps or points). */
    private boolean isBlock(long space, long[][] bounds) throws IOException {
        long n = 1;
        for (int d = 0; d < bounds[0].length; d++) {
            n *= bounds[1][d] - bounds[0][d] + 1;
        }
        return h5.selectedElements(space) == n;
    }

    private static boolean sameExtent(long[][] a, long[][] b) {
        for (int d = 0; d < a[0].length; d++) {
            if (a[1][d] - a[0][d] != b[1][d] - b[0][d]) {
                return false;
            }
        }
        return true;
    }

    /** The chunk offset of a plane: its leading indices, then 0, 0. */
    private static long[] offset(long[] leading) {
        long[] offset = new long[leading.length + 2];
        System.arraycopy(leading, 0, offset, 0, leading.length);
        return offset;
    }
}
