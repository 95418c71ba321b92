package org.datastamp.visualization.hdf5;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.core.hdf5.Hdf5Reading;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.ElementType;

/** Shape, type, layout, chunking and filters of an open dataset. */
final class DatasetDescriber {

    private DatasetDescriber() {
    }

    static DatasetInfo describe(Hdf5Reading h5, long dataset) throws IOException {
        long type = h5.datasetType(dataset);
        long space = h5.library().datasetSpace(dataset);
        long dcpl = h5.datasetCreationProperties(dataset);
        try {
            int rank = h5.spaceRank(space);
            List<Long> shape = longs(h5.library().spaceDims(space, rank));
            int layout = h5.layout(dcpl);
            List<Long> chunks = layout == Hdf5Reading.D_CHUNKED ? longs(h5.chunkShape(dcpl, rank)) : List.of();
            List<Integer> filters = new ArrayList<>();
            for (int id : h5.filterIds(dcpl)) {
                filters.add(id);
            }
            int typeClass = h5.typeClass(type);
            boolean numeric = typeClass == Hdf5Reading.T_INTEGER || typeClass == Hdf5Reading.T_FLOAT;
            return new DatasetInfo(shape, dtype(h5, type), numeric, layoutName(layout), chunks, filters);
        } finally {
            h5.library().propertiesClose(dcpl);
            h5.library().spaceClose(space);
            h5.library().typeClose(type);
        }
    }

    /** numpy-style name of an HDF5 type: {@code uint16}, {@code float32}, {@code string}, {@code compound}, ... */
    static String dtype(Hdf5Reading h5, long type) throws IOException {
        return switch (h5.typeClass(type)) {
            case Hdf5Reading.T_INTEGER, Hdf5Reading.T_FLOAT -> elementType(h5, type).numpyName();
            case Hdf5Reading.T_STRING -> "string";
            case Hdf5Reading.T_COMPOUND -> "compound";
            case Hdf5Reading.T_ENUM -> "enum";
            default -> "opaque";
        };
    }

    /** The element type of a numeric HDF5 type. */
    static ElementType elementType(Hdf5Reading h5, long type) throws IOException {
        long size = h5.typeSize(type);
        if (h5.typeClass(type) == Hdf5Reading.T_FLOAT) {
            return size == 4 ? ElementType.FLOAT32 : ElementType.FLOAT64;
        }
        boolean signed = h5.typeSigned(type);
        return switch ((int) size) {
            case 1 -> signed ? ElementType.INT8 : ElementType.UINT8;
            case 2 -> signed ? ElementType.INT16 : ElementType.UINT16;
            case 4 -> signed ? ElementType.INT32 : ElementType.UINT32;
            default -> signed ? ElementType.INT64 : ElementType.UINT64;
        };
    }

    private static String layoutName(int layout) {
        return switch (layout) {
            case Hdf5Reading.D_COMPACT -> "compact";
            case Hdf5Reading.D_CONTIGUOUS -> "contiguous";
            case Hdf5Reading.D_CHUNKED -> "chunked";
            case Hdf5Reading.D_VIRTUAL -> "virtual";
            default -> "unknown";
        };
    }

    private static List<Long> longs(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }
}
