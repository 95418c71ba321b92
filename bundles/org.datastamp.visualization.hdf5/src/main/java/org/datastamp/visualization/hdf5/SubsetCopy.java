package org.datastamp.visualization.hdf5;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.core.hdf5.Hdf5Reading;
import org.datastamp.visualization.api.BadDataRequestException;

/**
 * Copies a hyperslab of an open source dataset into a new HDF5 file with libhdf5: the parent groups with their
 * {@code NX_class}, the dataset with all its attributes, and the selected values in batches along the first
 * dimension, so memory stays bounded for any selection. Values keep the file's datatype (no conversion).
 */
final class SubsetCopy {

    /** Largest batch read and written at once. */
    static final long BATCH_BYTES = 32L << 20;

    private final Hdf5Reading r;
    private final Hdf5 lib;
    private final long batchBytes;

    SubsetCopy(Hdf5Reading r) {
        this(r, BATCH_BYTES);
    }

    /** With a given batch size: tests use small ones to cross batch boundaries. */
    SubsetCopy(Hdf5Reading r, long batchBytes) {
        this.r = r;
        this.lib = r.library();
        this.batchBytes = batchBytes;
    }

    /** Writes the selection of {@code source} (open dataset at {@code datasetPath} of file {@code sourceFile}). */
    long[] copy(long sourceFile, long source, String datasetPath, String slice, Path target)
            throws IOException, BadDataRequestException {
        long type = r.datasetType(source);
        long space = lib.datasetSpace(source);
        try {
            int typeClass = r.typeClass(type);
            if (typeClass != Hdf5Reading.T_INTEGER && typeClass != Hdf5Reading.T_FLOAT) {
                throw new BadDataRequestException(datasetPath + " holds " + DatasetDescriber.dtype(r, type)
                        + " data; only numeric datasets can be cut into a partial download (download the file)");
            }
            long[] shape = lib.spaceDims(space, r.spaceRank(space));
            Selection selection = Selection.parse(slice, shape);
            long[] result = keptCounts(selection);
            long out = lib.fileCreate(target, Hdf5.P_DEFAULT);
            try {
                long parent = groups(sourceFile, out, datasetPath);
                try {
                    long outSpace = result.length == 0 ? lib.spaceScalar() : lib.spaceSimple(result, null);
                    try {
                        String name = datasetPath.substring(datasetPath.lastIndexOf('/') + 1);
                        long dataset = lib.datasetCreate(parent, name, type, outSpace, Hdf5.P_DEFAULT);
                        try {
                            attributes(source, dataset);
                            values(source, space, type, selection, dataset, outSpace);
                        } finally {
                            lib.datasetClose(dataset);
                        }
                    } finally {
                        lib.spaceClose(outSpace);
                    }
                } finally {
                    if (parent != out) {
                        lib.groupClose(parent);
                    }
                }
            } finally {
                lib.fileClose(out);
            }
            return result;
        } finally {
            lib.spaceClose(space);
            lib.typeClose(type);
        }
    }

    private static long[] keptCounts(Selection selection) {
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < selection.count().length; d++) {
            if (selection.kept()[d]) {
                dims.add(selection.count()[d]);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** Creates the dataset's parent groups in {@code out}, each with its source group's NX_class; the innermost. */
    private long groups(long sourceFile, long out, String datasetPath) throws IOException {
        String[] parts = datasetPath.substring(1).split("/");
        long current = out;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            path.append('/').append(parts[i]);
            long group = lib.groupCreate(current, parts[i]);
            if (current != out) {
                lib.groupClose(current);
            }
            current = group;
            long sourceGroup = r.objectOpen(sourceFile, path.toString());
            try {
                if (lib.attributeExists(sourceGroup, "NX_class")) {
                    copyAttribute(r.attributeOpen(sourceGroup, "NX_class"), group, "NX_class");
                }
            } finally {
                r.objectClose(sourceGroup);
            }
        }
        return current;
    }

    private void attributes(long source, long dataset) throws IOException {
        int n = r.attributeCount(source);
        for (int i = 0; i < n; i++) {
            long attr = r.attributeOpen(source, i);
            copyAttribute(attr, dataset, r.attributeName(attr));
        }
    }

    /** Copies one attribute byte for byte in its own type (closing {@code attr}); references are skipped. */
    private void copyAttribute(long attr, long target, String name) throws IOException {
        long type = r.attributeType(attr);
        long space = r.attributeSpace(attr);
        try {
            if (r.typeClass(type) == Hdf5Reading.T_REFERENCE) {
                return; // points into the source file: meaningless in the copy
            }
            try (Arena a = Arena.ofConfined()) {
                MemorySegment value = a.allocate(Math.max(1, r.typeSize(type) * r.spacePoints(space)), 16);
                r.attributeRead(attr, type, value);
                try {
                    lib.attributeWrite(target, name, type, space, value);
                } finally {
                    r.vlenReclaim(type, space, value);
                }
            }
        } finally {
            lib.spaceClose(space);
            lib.typeClose(type);
            r.attributeClose(attr);
        }
    }

    /** Reads and writes the selection in batches of whole rows along the first dimension. */
    private void values(long source, long space, long type, Selection selection, long dataset, long outSpace)
            throws IOException {
        long[] count = selection.count();
        if (count.length == 0) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment value = a.allocate(r.typeSize(type), 16);
                r.read(source, type, 0, 0, value);
                lib.write(dataset, type, 0, 0, value);
            }
            return;
        }
        long rowBytes = r.typeSize(type);
        for (int d = 1; d < count.length; d++) {
            rowBytes *= count[d];
        }
        long batch = Math.max(1, Math.min(count[0], batchBytes / Math.max(1, rowBytes)));
        int outRank = r.spaceRank(outSpace);
        for (long row = 0; row < count[0]; row += batch) {
            long rows = Math.min(batch, count[0] - row);
            long[] start = selection.start().clone();
            start[0] += row * selection.stride()[0];
            long[] sourceCount = count.clone();
            sourceCount[0] = rows;
            r.selectHyperslab(space, start, selection.stride(), sourceCount);
            long memSpace = lib.spaceSimple(sourceCount, null);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buffer = a.allocate(rows * rowBytes, 64);
                r.read(source, type, memSpace, space, buffer);
                if (selection.kept()[0]) {
                    // the output keeps dimension 0: these rows go to the same rows of the copy
                    long[] outStart = new long[outRank];
                    long[] outCount = lib.spaceDims(outSpace, outRank);
                    outStart[0] = row;
                    outCount[0] = rows;
                    lib.selectBlock(outSpace, outStart, outCount);
                    lib.write(dataset, type, memSpace, outSpace, buffer);
                } else {
                    lib.write(dataset, type, memSpace, 0, buffer); // an index: a single batch fills the copy
                }
            } finally {
                lib.spaceClose(memSpace);
            }
        }
    }
}
