package org.datastamp.visualization.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.datastamp.visualization.api.BadDataRequestException;

/**
 * A hyperslab in HDF5's terms (start, stride, count per dimension) parsed from a numpy-style slice, plus which
 * dimensions the result keeps (ranges) and which it drops (single indices).
 */
record Selection(long[] start, long[] stride, long[] count, boolean[] kept) {

    /** Parses {@code text} (e.g. {@code 5,:,:}, {@code -1,100:200,::4}; empty = everything) against a shape. */
    static Selection parse(String text, long[] shape) throws BadDataRequestException {
        String[] parts = text == null || text.isBlank() ? new String[0] : text.split(",", -1);
        if (parts.length > shape.length) {
            throw new BadDataRequestException("Slice '" + text + "' has " + parts.length + " entries but the dataset"
                    + " has rank " + shape.length + " (shape " + Arrays.toString(shape) + ")");
        }
        int rank = shape.length;
        long[] start = new long[rank];
        long[] stride = new long[rank];
        long[] count = new long[rank];
        boolean[] kept = new boolean[rank];
        for (int d = 0; d < rank; d++) {
            String part = d < parts.length ? parts[d].trim() : ":";
            try {
                if (part.contains(":")) {
                    range(part, shape[d], d, start, stride, count);
                    kept[d] = true;
                } else {
                    long i = Long.parseLong(part);
                    long index = i < 0 ? shape[d] + i : i;
                    if (index < 0 || index >= shape[d]) {
                        throw new BadDataRequestException("Index " + i + " is out of bounds for dimension " + d
                                + " of size " + shape[d] + " (shape " + Arrays.toString(shape) + ")");
                    }
                    start[d] = index;
                    stride[d] = 1;
                    count[d] = 1;
                }
            } catch (NumberFormatException e) {
                throw new BadDataRequestException("Slice entry '" + part + "' (dimension " + d + ") is not an index"
                        + " or a range start:stop:step");
            }
        }
        return new Selection(start, stride, count, kept);
    }

    private static void range(String part, long size, int d, long[] start, long[] stride, long[] count)
            throws BadDataRequestException {
        String[] f = part.split(":", -1);
        if (f.length > 3) {
            throw new BadDataRequestException("Slice entry '" + part + "' has more than start:stop:step");
        }
        long step = f.length == 3 && !f[2].isBlank() ? Long.parseLong(f[2].trim()) : 1;
        if (step <= 0) {
            throw new BadDataRequestException("Slice step must be positive, got " + step + " in dimension " + d);
        }
        long from = f[0].isBlank() ? 0 : bound(Long.parseLong(f[0].trim()), size);
        long to = f[1].isBlank() ? size : bound(Long.parseLong(f[1].trim()), size);
        if (from >= to) {
            throw new BadDataRequestException("Slice entry '" + part + "' selects nothing in dimension " + d
                    + " of size " + size);
        }
        start[d] = from;
        stride[d] = step;
        count[d] = (to - from + step - 1) / step;
    }

    /** numpy's rule for range bounds: negative counts from the end, then clamped to the extent. */
    private static long bound(long i, long size) {
        long b = i < 0 ? size + i : i;
        return Math.max(0, Math.min(size, b));
    }

    /** Shape of the result: the counts of the kept dimensions. */
    int[] resultShape() {
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < count.length; d++) {
            if (kept[d]) {
                dims.add(Math.toIntExact(count[d]));
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    long elements() {
        long n = 1;
        for (long c : count) {
            n *= c;
        }
        return n;
    }
}
