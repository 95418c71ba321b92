package org.datastamp.visualization.hdf5;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.core.hdf5.Hdf5Exception;
import org.datastamp.core.hdf5.Hdf5Reading;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;

/**
 * Walks an open file's links depth first into {@link Node}s. Bounded in nodes and depth, since hard and soft links
 * can make a file's graph cyclic and a tree answer must stay small.
 */
final class TreeReader {

    static final int MAX_DEPTH = 24;
    /** Attribute arrays longer than this are cut (a tree shows metadata, not data). */
    static final int MAX_ATTRIBUTE_VALUES = 64;

    private final Hdf5Reading h5;
    private final int maxNodes;
    private int nodes;
    private boolean truncated;

    TreeReader(Hdf5Reading h5, int maxNodes) {
        this.h5 = h5;
        this.maxNodes = maxNodes;
    }

    boolean truncated() {
        return truncated;
    }

    /** The node for the open object {@code id} at {@code path}, with its subtree if it is a group. */
    Node node(long id, String path, String link, int depth) throws IOException {
        nodes++;
        int kind = h5.objectKind(id);
        Map<String, Object> attributes = attributes(id);
        String nexusClass = attributes.get("NX_class") instanceof String s ? s : "";
        if (kind == Hdf5Reading.I_DATASET) {
            return new Node(path, NodeKind.DATASET, "", link, attributes, DatasetDescriber.describe(h5, id), List.of());
        }
        if (kind != Hdf5Reading.I_GROUP) {
            return new Node(path, NodeKind.DATATYPE, "", link, attributes, null, List.of());
        }
        List<Node> children = new ArrayList<>();
        if (depth >= MAX_DEPTH || nodes >= maxNodes) {
            truncated = true;
        } else {
            long n = h5.linkCount(id);
            for (long i = 0; i < n && nodes < maxNodes; i++) {
                children.add(child(id, path, h5.linkName(id, i), depth));
            }
            truncated |= children.size() < n;
        }
        return new Node(path, NodeKind.GROUP, nexusClass, link, attributes, null, children);
    }

    private Node child(long group, String parentPath, String name, int depth) throws IOException {
        String path = (parentPath.equals("/") ? "" : parentPath) + "/" + name;
        int type = h5.linkType(group, name);
        String link = type == Hdf5Reading.L_TYPE_HARD ? "" : h5.linkTarget(group, name, type);
        long id;
        try {
            id = h5.objectOpen(group, name);
        } catch (Hdf5Exception e) {
            nodes++;
            return new Node(path, NodeKind.BROKEN_LINK, "", link, Map.of(), null, List.of());
        }
        try {
            return node(id, path, link, depth + 1);
        } finally {
            h5.objectClose(id);
        }
    }

    private Map<String, Object> attributes(long obj) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = h5.attributeCount(obj);
        for (int i = 0; i < n; i++) {
            long attr = h5.attributeOpen(obj, i);
            try {
                out.put(h5.attributeName(attr), value(attr));
            } finally {
                h5.attributeClose(attr);
            }
        }
        return out;
    }

    private Object value(long attr) throws IOException {
        long type = h5.attributeType(attr);
        long space = h5.attributeSpace(attr);
        try {
            int rank = h5.spaceRank(space);
            long count = Arrays.stream(h5.library().spaceDims(space, rank)).reduce(1, (a, b) -> a * b);
            int kept = (int) Math.min(count, MAX_ATTRIBUTE_VALUES);
            int typeClass = h5.typeClass(type);
            List<Object> values = new ArrayList<>();
            if (typeClass == Hdf5Reading.T_STRING) {
                if (count > MAX_ATTRIBUTE_VALUES) {
                    return "(" + count + " strings)";
                }
                values.addAll(Arrays.asList(h5.attributeStrings(attr, type, space, (int) count)));
            } else if (typeClass == Hdf5Reading.T_INTEGER || typeClass == Hdf5Reading.T_FLOAT) {
                if (count > MAX_ATTRIBUTE_VALUES) {
                    return "(" + count + " numbers)";
                }
                for (double d : h5.attributeDoubles(attr, kept)) {
                    values.add(d);
                }
            } else {
                return "(" + DatasetDescriber.dtype(h5, type) + ")";
            }
            return rank == 0 && values.size() == 1 ? values.get(0) : List.copyOf(values);
        } finally {
            h5.library().spaceClose(space);
            h5.library().typeClose(type);
        }
    }
}
