package org.datastamp.ui.visualization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;
import org.junit.jupiter.api.Test;

class DescribeTest {

    @Test
    void aDatasetShowsTypeShapeChunksAndFiltersByName() {
        Node data = new Node("/entry/data/data", NodeKind.DATASET, "", "", Map.of(), new DatasetInfo(
                List.of(100L, 4096L, 4096L), "uint32", true, "chunked", List.of(1L, 4096L, 4096L), List.of(32008)),
                List.of());
        assertEquals("uint32 100×4096×4096, chunks 1×4096×4096, bitshuffle/LZ4", Describe.node(data));
    }

    @Test
    void groupsShowTheirNexusClassAndLinksWhereTheyPoint() {
        assertEquals("NXdata", Describe.node(new Node("/entry/data", NodeKind.GROUP, "NXdata", "", Map.of(), null,
                List.of())));
        assertEquals("broken link → file:/x.h5", Describe.node(new Node("/a", NodeKind.BROKEN_LINK, "",
                "file:/x.h5", Map.of(), null, List.of())));
    }

    @Test
    void numbersReadLikeAPersonWouldWriteThem() {
        assertEquals("76", Describe.number(76.0));
        assertEquals("0.333333", Describe.number(1 / 3.0));
        assertEquals("invalid", Describe.number(Double.NaN));
        assertEquals("[1, 2.5, mm]", Describe.attribute(List.of(1.0, 2.5, "mm")));
    }
}
