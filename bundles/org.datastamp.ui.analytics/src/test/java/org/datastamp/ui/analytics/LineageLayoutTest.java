package org.datastamp.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.ui.analytics.LineageLayout.Cell;
import org.junit.jupiter.api.Test;

class LineageLayoutTest {

    private static DatasetId id(String s) {
        return new DatasetId(s);
    }

    private static LineageNode node(String s) {
        return new LineageNode(id(s), s, DatasetType.DERIVED, true);
    }

    @Test
    void inputsGoLeftDerivedDatasetsRightOneColumnPerStep() {
        // raw1, raw2 -> d1 (focus) -> d2 -> d3 ; d1 -> d4
        Lineage lineage = new Lineage(id("d1"), List.of(node("d1"), node("raw1"), node("raw2"), node("d2"),
                node("d4"), node("d3")), List.of(new LineageEdge(id("raw1"), id("d1"), "", "", ""),
                        new LineageEdge(id("raw2"), id("d1"), "", "", ""), new LineageEdge(id("d1"), id("d2"), "", "",
                                ""), new LineageEdge(id("d1"), id("d4"), "", "", ""), new LineageEdge(id("d2"),
                                        id("d3"), "", "", "")));

        Map<DatasetId, Cell> cells = LineageLayout.of(lineage);

        assertEquals(new Cell(0, 0), cells.get(id("d1")));
        assertEquals(new Cell(-1, 0), cells.get(id("raw1")));
        assertEquals(new Cell(-1, 1), cells.get(id("raw2")));
        assertEquals(new Cell(1, 0), cells.get(id("d2")));
        assertEquals(new Cell(1, 1), cells.get(id("d4")));
        assertEquals(new Cell(2, 0), cells.get(id("d3")));
    }
}
