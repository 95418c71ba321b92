package org.datastamp.ui.visualization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.Plane;
import org.junit.jupiter.api.Test;

class PictureTest {

    @Test
    void magnifyingRepeatsEachValueAsABlock() {
        Plane plane = new Plane(2, 1, new float[] {1, 2}, 1, 1, ElementType.UINT16);
        Plane big = Picture.magnified(plane, 2);
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2}, big.values());
    }
}
