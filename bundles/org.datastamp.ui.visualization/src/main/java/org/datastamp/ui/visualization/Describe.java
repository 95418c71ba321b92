package org.datastamp.ui.visualization;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.Node;

/** Texts of the file tree and readouts: how a node is stored, attribute values, pixel values. */
final class Describe {

    private static final Map<Integer, String> FILTERS = Map.of(1, "deflate", 2, "shuffle", 3, "fletcher32",
            4, "szip", 5, "nbit", 6, "scale-offset", 32001, "blosc", 32004, "LZ4", 32008, "bitshuffle/LZ4",
            32015, "zstd");

    private Describe() {
    }

    /** {@code uint32 100×4096×4096, chunks 1×4096×4096, bitshuffle/LZ4} for a dataset; the NeXus class or link of others. */
    static String node(Node node) {
        DatasetInfo d = node.dataset();
        if (d == null) {
            String kind = node.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String what = node.nexusClass().isEmpty() ? kind : node.nexusClass();
            return node.link().isEmpty() ? what : what + " → " + node.link();
        }
        StringBuilder s = new StringBuilder(d.dtype()).append(' ').append(shape(d.shape()));
        if (!d.chunks().isEmpty()) {
            s.append(", chunks ").append(shape(d.chunks()));
        }
        if (!d.layout().equals("chunked")) {
            s.append(", ").append(d.layout());
        }
        if (!d.filters().isEmpty()) {
            s.append(", ").append(d.filters().stream().map(f -> FILTERS.getOrDefault(f, "filter " + f))
                    .collect(Collectors.joining("+")));
        }
        return s.toString();
    }

    /** {@code 100×4096×4096}; {@code scalar} for rank 0. */
    static String shape(List<Long> shape) {
        return shape.isEmpty() ? "scalar" : shape.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }

    /** An attribute value as the tree's attribute table shows it: lists in brackets, numbers without ".0". */
    static String attribute(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Describe::attribute).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return String.valueOf(value);
    }

    /** Integral values without a fraction, others with up to 6 significant digits. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "invalid";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toString();
    }
}
