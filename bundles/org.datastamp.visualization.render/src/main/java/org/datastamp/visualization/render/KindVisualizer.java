package org.datastamp.visualization.render;

import java.util.Set;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.Visualizer;

/** Shared shape of the built-in visualizers: which ranks and types they show. */
abstract class KindVisualizer implements Visualizer {

    static final Set<String> NUMERIC = Set.of("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
            "uint64", "float32", "float64");

    static boolean numeric(DataDescription data) {
        return NUMERIC.contains(data.dtype());
    }
}
