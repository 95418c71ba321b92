package org.datastamp.visualization.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.List;

import org.datastamp.visualization.api.ElementType;
import org.junit.jupiter.api.Test;

class PlaneCacheTest {

    private static PlaneCache.Key key(long frame) {
        return new PlaneCache.Key("/data/a.nxs", 100, 1, "/entry/data/data", List.of(9L, 10L, 10L), List.of(frame));
    }

    private static PlaneCache.Plane plane() {
        return new PlaneCache.Plane(ElementType.UINT32, 10, 10, ByteBuffer.allocate(400));
    }

    @Test
    void theLeastRecentlyUsedPlanesLeaveWhenTheBytesRunOut() {
        PlaneCache cache = new PlaneCache(1000);
        cache.put(key(0), plane());
        cache.put(key(1), plane());
        cache.get(key(0));
        cache.put(key(2), plane());
        assertNotNull(cache.get(key(0)));
        assertNull(cache.get(key(1)), "frame 1 was used least recently");
        assertNotNull(cache.get(key(2)));
        assertEquals(800, cache.usedBytes());
    }

    @Test
    void aPlaneOfMoreThanHalfTheCapacityIsNotKept() {
        PlaneCache cache = new PlaneCache(700);
        cache.put(key(0), plane());
        assertNull(cache.get(key(0)));
        assertEquals(0, cache.usedBytes());
    }

    @Test
    void aFileThatChangedIsAnotherKey() {
        PlaneCache cache = new PlaneCache(1000);
        cache.put(key(0), plane());
        assertNull(cache.get(new PlaneCache.Key("/data/a.nxs", 200, 2, "/entry/data/data", List.of(9L, 10L, 10L),
                List.of(0L))));
    }
}
