package org.datastamp.visualization.hdf5;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.visualization.api.ElementType;

/**
 * Recently read 2-D planes (one frame of a stack, or a whole image), least recently used first out, bounded by their
 * bytes. A viewer zooms, pans, reads out pixels and draws profiles on the frame it shows: each of those would
 * otherwise decompress the frame's chunk again (64 MiB and ~270 ms for a 4096x4096 uint32 bitshuffle/LZ4 frame).
 * Keys carry the file's size and modification time, so a file that grows (a scan still writing) is read afresh.
 */
final class PlaneCache {

    /**
     * Which plane: the file as it is now, the dataset with its current extent (a stack being written grows, and its
     * unwritten frames read as fill values), and the indices before the plane's two dimensions.
     */
    record Key(String file, long size, long modified, String dataset, List<Long> shape, List<Long> leading) {
    }

    /** A plane's values, row-major little-endian, {@code height x width}. */
    record Plane(ElementType type, int height, int width, ByteBuffer data) {
        long bytes() {
            return (long) height * width * type.bytes();
        }
    }

    private final long capacity;
    private final Map<Key, Plane> planes = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    PlaneCache(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /** Whether a plane of this many bytes may be kept: at most half the capacity, so two frames fit. */
    boolean fits(long bytes) {
        return bytes <= capacity / 2;
    }

    synchronized Plane get(Key key) {
        return planes.get(key);
    }

    synchronized void put(Key key, Plane plane) {
        if (!fits(plane.bytes())) {
            return;
        }
        Plane previous = planes.put(key, plane);
        used += plane.bytes() - (previous == null ? 0 : previous.bytes());
        Iterator<Plane> oldestFirst = planes.values().iterator();
        while (used > capacity && oldestFirst.hasNext()) {
            Plane evicted = oldestFirst.next();
            oldestFirst.remove();
            used -= evicted.bytes();
        }
    }

    synchronized long usedBytes() {
        return used;
    }

    synchronized void clear() {
        planes.clear();
        used = 0;
    }
}
