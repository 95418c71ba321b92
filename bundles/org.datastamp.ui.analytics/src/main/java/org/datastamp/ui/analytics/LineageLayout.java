package org.datastamp.ui.analytics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.catalog.api.DatasetId;

/**
 * Places a lineage graph in columns: the focus in column 0, what it was derived from to the left (-1 its inputs, -2
 * theirs), what was derived from it to the right; each column's datasets one under another in the graph's order.
 */
final class LineageLayout {

    /** Column and row of a dataset. */
    record Cell(int column, int row) {
    }

    private LineageLayout() {
    }

    static Map<DatasetId, Cell> of(Lineage lineage) {
        Map<DatasetId, Integer> column = new HashMap<>();
        column.put(lineage.focus(), 0);
        walk(lineage, column, true);
        walk(lineage, column, false);
        Map<Integer, Integer> rows = new HashMap<>();
        Map<DatasetId, Cell> cells = new LinkedHashMap<>();
        lineage.nodes().forEach(n -> {
            int c = column.getOrDefault(n.id(), 0);
            cells.put(n.id(), new Cell(c, rows.merge(c, 1, Integer::sum) - 1));
        });
        return cells;
    }

    /** Upwards (inputs, to the left) or downwards (outputs, to the right) from the focus. */
    private static void walk(Lineage lineage, Map<DatasetId, Integer> column, boolean up) {
        Deque<DatasetId> todo = new ArrayDeque<>();
        todo.add(lineage.focus());
        while (!todo.isEmpty()) {
            DatasetId at = todo.poll();
            int c = column.get(at);
            for (LineageEdge e : lineage.edges()) {
                DatasetId from = up ? e.output() : e.input();
                DatasetId to = up ? e.input() : e.output();
                if (from.equals(at) && !column.containsKey(to)) {
                    column.put(to, up ? c - 1 : c + 1);
                    todo.add(to);
                }
            }
        }
    }
}
