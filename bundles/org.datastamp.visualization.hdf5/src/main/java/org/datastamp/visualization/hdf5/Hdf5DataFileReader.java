package org.datastamp.visualization.hdf5;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import org.datastamp.core.bitshuffle.ChunkFormat;
import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.core.hdf5.Hdf5Exception;
import org.datastamp.core.hdf5.Hdf5Reading;
import org.datastamp.core.hdf5.LibraryLocator;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DataSubsetWriter;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.VisualizationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads HDF5/NeXus files with libhdf5 (through FFM, the binding the scan writer uses): hyperslab reads touch only the
 * chunks the selection needs, and libhdf5's filter plugins decompress bitshuffle/LZ4 (32008), LZ4 (32004) and deflate
 * chunks. Virtual datasets and external links of the writer's master files resolve as libhdf5 resolves them. Frames
 * stored one per bitshuffle/LZ4 or LZ4 chunk (detector data) are read as stored and decoded in Java on the
 * component's decode threads ({@link ChunkPlanes}): in parallel, and only the rows a view needs.
 * Also writes hyperslabs as new small HDF5 files ({@link SubsetCopy}, the partial downloads), with the same library.
 */
@Component(service = {DataFileReader.class, DataSubsetWriter.class}, configurationPid = Hdf5DataFileReader.PID)
@Designate(ocd = Hdf5DataFileReader.Config.class)
public class Hdf5DataFileReader implements DataFileReader, DataSubsetWriter {

    static final String PID = "org.datastamp.visualization.hdf5";

    private static final Logger LOG = LoggerFactory.getLogger(Hdf5DataFileReader.class);

    @ObjectClassDefinition(name = "DataSTaMP HDF5/NeXus reader for visualization",
            description = "Reads data-file trees and slices with libhdf5 and its filter plugins")
    public @interface Config {

        @AttributeDefinition(description = "libhdf5 shared library; empty: $DATASTAMP_HDF5_LIB, else the serial"
                + " libhdf5 of Debian/Ubuntu (libhdf5-103-1)", required = false)
        String libraryPath() default "";

        @AttributeDefinition(description = "Folder of HDF5 filter plugins (bitshuffle 32008, LZ4 32004); empty: the"
                + " serial plugins folder beside libhdf5, plus $HDF5_PLUGIN_PATH", required = false)
        String pluginPath() default "";

        @AttributeDefinition(description = "Largest selection one read may return, in elements (a 4096x4096 frame is"
                + " 16.8 million); larger requests are refused with a hint to slice")
        long maxElements() default 64L * 1024 * 1024;

        @AttributeDefinition(description = "Chunk cache per open dataset, in MiB: one decompressed 4096x4096 uint32"
                + " frame is 64 MiB")
        int chunkCacheMegabytes() default 128;

        @AttributeDefinition(description = "Most nodes one tree answer lists")
        int maxTreeNodes() default 5000;

        @AttributeDefinition(description = "Recently read frames kept decoded, in MiB (0: none): zoom, pan, pixel"
                + " readouts and profiles on a frame already shown then read no chunk again")
        int frameCacheMegabytes() default 256;

        @AttributeDefinition(description = "Threads decoding bitshuffle/LZ4 and LZ4 frames in Java (0: one per"
                + " processor); frames stored one per chunk with those filters are read as stored and decoded here,"
                + " in parallel and only the rows a view needs, instead of by libhdf5's plugins")
        int decodeThreads() default 0;

        @AttributeDefinition(description = "Decode bitshuffle/LZ4 and LZ4 frames in Java; false: libhdf5's filter"
                + " plugins decompress every chunk (slower; for comparison)")
        boolean decodeInJava() default true;
    }

    private volatile Hdf5Reading h5;
    /** Batch size of partial downloads; tests make it small to cross batch boundaries. */
    volatile long subsetBatchBytes = SubsetCopy.BATCH_BYTES;
    private volatile Config config;
    private volatile PlaneCache planes = new PlaneCache(0);
    private volatile ChunkPlanes chunkPlanes;
    private volatile ExecutorService decoders;

    @Activate
    @Modified
    void activate(Config config) throws IOException {
        Path library = LibraryLocator.library(config.libraryPath(), System.getenv(LibraryLocator.ENV));
        configure(library, LibraryLocator.pluginDir(config.pluginPath(), library), config);
    }

    /** Loads the library and its plugin folder; for tests without a framework too. */
    void configure(Path library, Optional<Path> pluginDir, Config settings) throws IOException {
        Hdf5 lib = Hdf5.load(library);
        if (pluginDir.isPresent()) {
            lib.pluginPathAppend(pluginDir.get());
        }
        h5 = new Hdf5Reading(lib);
        config = settings;
        planes = new PlaneCache((long) Math.max(0, settings.frameCacheMegabytes()) << 20);
        int threads = settings.decodeThreads() > 0 ? settings.decodeThreads()
                : Runtime.getRuntime().availableProcessors();
        ExecutorService previous = decoders;
        decoders = DecodeThreads.start(threads);
        chunkPlanes = settings.decodeInJava() ? new ChunkPlanes(h5, decoders, threads) : null;
        if (previous != null) {
            previous.shutdown();
        }
        LOG.info("HDF5 reader on {} (plugins {}), at most {} elements per read, {} decode threads", library,
                pluginDir.map(Path::toString).orElse("from HDF5_PLUGIN_PATH"), settings.maxElements(), threads);
    }

    @Deactivate
    void deactivate() {
        ExecutorService running = decoders;
        if (running != null) {
            running.shutdown(); // queued runs still run: their callers wait for them
        }
        planes.clear();
    }

    /** Frames decoded in Java so far (tests check that a file took that path). */
    long framesDecodedInJava() {
        ChunkPlanes inJava = chunkPlanes;
        return inJava == null ? 0 : inJava.decoded();
    }

    @Override
    public FileTree tree(Path file) throws VisualizationException {
        Hdf5Reading r = h5;
        long f = open(r, file);
        try {
            long root = r.objectOpen(f, "/");
            try {
                TreeReader reader = new TreeReader(r, config.maxTreeNodes());
                Node node = reader.node(root, "/", "", 0);
                return new FileTree(node, NexusDefault.resolve(node), reader.truncated());
            } finally {
                r.objectClose(root);
            }
        } catch (IOException e) {
            throw new VisualizationException("Cannot read the tree of " + file.getFileName() + ": " + e.getMessage(),
                    e);
        } finally {
            close(r, f);
        }
    }

    @Override
    public DatasetInfo describe(Path file, String datasetPath) throws VisualizationException {
        Hdf5Reading r = h5;
        long f = open(r, file);
        try {
            long d = openDataset(r, f, file, datasetPath);
            try {
                return DatasetDescriber.describe(r, d);
            } finally {
                r.library().datasetClose(d);
            }
        } catch (IOException e) {
            throw new VisualizationException("Cannot describe " + datasetPath + " in " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } finally {
            close(r, f);
        }
    }

    @Override
    public NdArray read(Path file, String datasetPath, String slice) throws VisualizationException {
        Hdf5Reading r = h5;
        long f = open(r, file);
        try {
            long d = openDataset(r, f, file, datasetPath);
            try {
                return read(r, d, file, datasetPath, slice);
            } finally {
                r.library().datasetClose(d);
            }
        } catch (IOException e) {
            throw new VisualizationException("Cannot read " + datasetPath + " in " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } finally {
            close(r, f);
        }
    }

    /**
     * A whole frame stored one per chunk with bitshuffle/LZ4 or LZ4, as stored, for a caller that bins it while
     * decoding (an overview never holds the 16-64 MiB frame decoded). Empty when the plane is in the frame cache
     * (reading it from there is cheaper), when the Java decoder is off, and for whatever {@link ChunkPlanes} leaves
     * to libhdf5.
     */
    @Override
    public Optional<Frame> storedFrame(Path file, String datasetPath, String slice) throws VisualizationException {
        ChunkPlanes inJava = chunkPlanes;
        if (inJava == null) {
            return Optional.empty();
        }
        Hdf5Reading r = h5;
        long f = open(r, file);
        try {
            long d = openDataset(r, f, file, datasetPath);
            try {
                return storedFrame(r, inJava, d, file, datasetPath, slice);
            } finally {
                r.library().datasetClose(d);
            }
        } catch (IOException e) {
            throw new VisualizationException("Cannot read " + datasetPath + " in " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } finally {
            close(r, f);
        }
    }

    private Optional<Frame> storedFrame(Hdf5Reading r, ChunkPlanes inJava, long d, Path file, String datasetPath,
            String slice) throws IOException, BadDataRequestException {
        Hdf5 lib = r.library();
        long type = r.datasetType(d);
        long space = lib.datasetSpace(d);
        long memType = -1;
        try {
            int typeClass = r.typeClass(type);
            if (typeClass != Hdf5Reading.T_INTEGER && typeClass != Hdf5Reading.T_FLOAT) {
                return Optional.empty(); // read() explains why it cannot be shown
            }
            ElementType elementType = DatasetDescriber.elementType(r, type);
            PixelType pixelType = pixelType(elementType);
            long[] shape = lib.spaceDims(space, r.spaceRank(space));
            Selection selection = Selection.parse(slice, shape);
            if (pixelType == null || !PlaneCut.isWholePlane(selection, shape)
                    || planes.get(planeKey(file, datasetPath, shape, selection)) != null) {
                return Optional.empty();
            }
            memType = r.nativeType(type);
            long[] leading = PlaneCut.leadingArray(selection);
            Optional<ChunkPlanes.Stored> stored = inJava.stored(d, file, shape, leading, memType, elementType);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            long index = 0;
            for (int k = 0; k < leading.length; k++) {
                index = index * shape[k] + leading[k];
            }
            FrameGeometry geometry = new FrameGeometry((int) shape[shape.length - 1], (int) shape[shape.length - 2],
                    pixelType);
            return Optional.of(new Frame(index, geometry, stored.get().format() == ChunkFormat.BITSHUFFLE_LZ4
                    ? FrameEncoding.BSLZ4 : FrameEncoding.LZ4, stored.get().chunk(),
                    Files.getLastModifiedTime(file).toInstant()));
        } finally {
            if (memType >= 0) {
                lib.typeClose(memType);
            }
            lib.spaceClose(space);
            lib.typeClose(type);
        }
    }

    /** The detector pixel type of an element type; null for types detectors do not send. */
    private static PixelType pixelType(ElementType type) {
        return switch (type) {
            case UINT8 -> PixelType.UINT8;
            case UINT16 -> PixelType.UINT16;
            case UINT32 -> PixelType.UINT32;
            case INT32 -> PixelType.INT32;
            case FLOAT32 -> PixelType.FLOAT32;
            default -> null;
        };
    }

    private static PlaneCache.Key planeKey(Path file, String datasetPath, long[] shape, Selection selection)
            throws IOException {
        return new PlaneCache.Key(file.toAbsolutePath().toString(), Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), datasetPath, PlaneCut.list(shape),
                PlaneCut.leading(selection));
    }

    @Override
    public long[] write(Path source, String datasetPath, String slice, Path target) throws VisualizationException {
        Hdf5Reading r = h5;
        long f = open(r, source);
        try {
            long d = openDataset(r, f, source, datasetPath);
            try {
                return new SubsetCopy(r, subsetBatchBytes).copy(f, d, datasetPath, slice, target);
            } finally {
                r.library().datasetClose(d);
            }
        } catch (IOException e) {
            throw new VisualizationException("Cannot write slice '" + slice + "' of " + datasetPath + " in "
                    + source.getFileName() + " to " + target.getFileName() + ": " + e.getMessage(), e);
        } finally {
            close(r, f);
        }
    }

    private NdArray read(Hdf5Reading r, long d, Path file, String datasetPath, String slice)
            throws IOException, BadDataRequestException {
        Hdf5 lib = r.library();
        long type = r.datasetType(d);
        long space = lib.datasetSpace(d);
        long memType = -1;
        long memSpace = -1;
        try {
            int typeClass = r.typeClass(type);
            if (typeClass != Hdf5Reading.T_INTEGER && typeClass != Hdf5Reading.T_FLOAT) {
                throw new BadDataRequestException(datasetPath + " holds " + DatasetDescriber.dtype(r, type)
                        + " data, not numbers; it can be shown in its tree or as a table, not read as an array");
            }
            var elementType = DatasetDescriber.elementType(r, type);
            long[] shape = lib.spaceDims(space, r.spaceRank(space));
            Selection selection = Selection.parse(slice, shape);
            if (selection.elements() > config.maxElements()) {
                throw new BadDataRequestException("Slice '" + slice + "' of " + datasetPath + " (shape "
                        + Arrays.toString(shape) + ") selects " + selection.elements() + " elements, more than the "
                        + config.maxElements() + " one read may return; select fewer, e.g. one frame with 'i,:,:'");
            }
            memType = r.nativeType(type);
            if (PlaneCut.applies(selection) && PlaneCut.planeElements(shape) <= config.maxElements()) {
                NdArray fromPlane = readFromPlane(r, d, space, memType, file, datasetPath, shape, selection,
                        elementType);
                if (fromPlane != null) {
                    return fromPlane;
                }
            }
            long fileSpace = 0; // H5S_ALL: a scalar dataset is read whole
            if (shape.length > 0) {
                r.selectHyperslab(space, selection.start(), selection.stride(), selection.count());
                memSpace = lib.spaceSimple(selection.count(), null);
                fileSpace = space;
            }
            // native memory the GC frees with the ByteBuffer: libhdf5 writes straight into the array it returns
            MemorySegment buffer = Arena.ofAuto().allocate(selection.elements() * elementType.bytes(), 64);
            r.read(d, memType, Math.max(memSpace, 0), fileSpace, buffer);
            return new NdArray(selection.resultShape(), elementType, buffer.asByteBuffer());
        } finally {
            if (memSpace >= 0) {
                lib.spaceClose(memSpace);
            }
            if (memType >= 0) {
                lib.typeClose(memType);
            }
            lib.spaceClose(space);
            lib.typeClose(type);
        }
    }

    /**
     * A selection within one plane: from the frame cache; else decoded in Java from the raw chunk (the whole plane,
     * then kept, or only the rows the selection spans); else the whole plane through libhdf5 if it may be kept.
     * {@code null}: read the selection itself through libhdf5.
     */
    private NdArray readFromPlane(Hdf5Reading r, long d, long space, long memType, Path file, String datasetPath,
            long[] shape, Selection selection, ElementType elementType) throws IOException {
        boolean keep = planes.fits(PlaneCut.planeBytes(shape, elementType));
        PlaneCache.Key key = planeKey(file, datasetPath, shape, selection);
        PlaneCache.Plane plane = keep ? planes.get(key) : null;
        if (plane != null) {
            return PlaneCut.cut(plane, selection, 0);
        }
        int height = (int) shape[shape.length - 2];
        int[] rows = PlaneCut.rows(selection);
        // the whole plane if asked for, or if most of it is and it can be kept; else only the rows asked for
        boolean wholePlane = rows[0] == 0 && rows[1] == height || keep && PlaneCut.isMostOf(rows, height);
        int from = wholePlane ? 0 : rows[0];
        int to = wholePlane ? height : rows[1];
        ChunkPlanes inJava = chunkPlanes;
        Optional<ByteBuffer> decoded = inJava == null ? Optional.empty() : inJava.rows(d, file, shape,
                PlaneCut.leadingArray(selection), memType, elementType, from, to);
        if (decoded.isPresent()) {
            plane = new PlaneCache.Plane(elementType, to - from, (int) shape[shape.length - 1],
                    decoded.get().asReadOnlyBuffer());
            if (to - from == height && keep) {
                planes.put(key, plane);
            }
            return PlaneCut.cut(plane, selection, from);
        }
        if (!keep) {
            return null;
        }
        plane = readPlane(r, d, space, memType, shape, selection, elementType);
        planes.put(key, plane);
        return PlaneCut.cut(plane, selection, 0);
    }

    /** The whole 2-D plane at the selection's leading indices, read with one hyperslab. */
    private static PlaneCache.Plane readPlane(Hdf5Reading r, long d, long space, long memType, long[] shape,
            Selection selection, ElementType elementType) throws IOException {
        Hdf5 lib = r.library();
        int rank = shape.length;
        long[] start = selection.start().clone();
        long[] count = new long[rank];
        long[] stride = new long[rank];
        Arrays.fill(count, 1);
        Arrays.fill(stride, 1);
        start[rank - 2] = 0;
        start[rank - 1] = 0;
        count[rank - 2] = shape[rank - 2];
        count[rank - 1] = shape[rank - 1];
        r.selectHyperslab(space, start, stride, count);
        long memSpace = lib.spaceSimple(count, null);
        try {
            MemorySegment buffer = Arena.ofAuto().allocate(shape[rank - 2] * shape[rank - 1] * elementType.bytes(),
                    64);
            r.read(d, memType, memSpace, space, buffer);
            return new PlaneCache.Plane(elementType, (int) shape[rank - 2], (int) shape[rank - 1],
                    buffer.asByteBuffer().asReadOnlyBuffer());
        } finally {
            lib.spaceClose(memSpace);
        }
    }

    private long openDataset(Hdf5Reading r, long f, Path file, String datasetPath) throws IOException,
            NoSuchNodeException {
        if (datasetPath == null || !datasetPath.startsWith("/")) {
            throw new NoSuchNodeException("Dataset paths are absolute, like /entry/data/data; got '" + datasetPath
                    + "'");
        }
        long id;
        try {
            id = r.objectOpen(f, datasetPath);
        } catch (Hdf5Exception e) {
            throw new NoSuchNodeException("No object at " + datasetPath + " in " + file.getFileName());
        }
        try {
            if (r.objectKind(id) != Hdf5Reading.I_DATASET) {
                throw new NoSuchNodeException(datasetPath + " in " + file.getFileName() + " is a group, not a dataset");
            }
        } finally {
            r.objectClose(id);
        }
        return r.datasetOpen(f, datasetPath, (long) config.chunkCacheMegabytes() << 20);
    }

    private static long open(Hdf5Reading r, Path file) throws VisualizationException {
        if (!Files.isRegularFile(file)) {
            throw new VisualizationException("Data file " + file + " does not exist");
        }
        try {
            return r.library().fileOpen(file, Hdf5.F_ACC_RDONLY, Hdf5.P_DEFAULT);
        } catch (IOException e) {
            throw new VisualizationException("Cannot open " + file.getFileName() + " as HDF5: " + e.getMessage(), e);
        }
    }

    private static void close(Hdf5Reading r, long file) throws VisualizationException {
        try {
            r.library().fileClose(file);
        } catch (IOException e) {
            throw new VisualizationException("Cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
