package org.datastamp.visualization.hdf5;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.visualization.api.DefaultPlot;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;

/**
 * Resolves the NeXus default plot: {@code /@default} names an NXentry, its {@code @default} an NXdata group (or a
 * subentry), whose {@code @signal} names the dataset to show and {@code @axes} one axis per dimension ({@code "."}
 * for none). Files without {@code @default} fall back to the first NXentry's first NXdata with a {@code @signal}.
 */
final class NexusDefault {

    private NexusDefault() {
    }

    static Optional<DefaultPlot> resolve(Node root) {
        Node group = root;
        String title = "";
        for (int depth = 0; depth < 8; depth++) {
            if (group.nexusClass().equals("NXdata")) {
                return plot(group, title);
            }
            Node current = group;
            Optional<Node> next = text(current, "default").flatMap(name -> child(current, name))
                    .or(() -> fallback(current));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            group = next.get();
        }
        return Optional.empty();
    }

    private static Optional<Node> fallback(Node group) {
        String wanted = group.nexusClass().equals("NXdata") ? "" : group.path().equals("/") ? "NXentry" : "NXdata";
        return group.children().stream().filter(c -> c.kind() == NodeKind.GROUP && c.nexusClass().equals(wanted))
                .findFirst();
    }

    private static Optional<DefaultPlot> plot(Node data, String title) {
        Optional<Node> signal = text(data, "signal").flatMap(name -> child(data, name));
        if (signal.isEmpty() || signal.get().kind() != NodeKind.DATASET) {
            return Optional.empty();
        }
        List<String> axes = new ArrayList<>();
        for (String axis : strings(data.attributes().get("axes"))) {
            axes.add(axis.equals(".") ? "" : child(data, axis).map(Node::path).orElse(""));
        }
        String label = text(data, "title").orElse(title);
        return Optional.of(new DefaultPlot(data.path(), signal.get().path(), axes, label));
    }

    private static Optional<Node> child(Node group, String name) {
        return group.children().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static Optional<String> text(Node node, String attribute) {
        List<String> values = strings(node.attributes().get(attribute));
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** An attribute as strings: {@code "a"}, {@code ["a","b"]}, or NeXus 2's colon-separated {@code "a:b"}. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(":")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
