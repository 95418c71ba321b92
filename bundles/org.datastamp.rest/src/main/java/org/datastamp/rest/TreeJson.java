package org.datastamp.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.DefaultPlot;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.Visualizer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A data file's tree as JSON, each dataset with the visualizers that can show it. */
final class TreeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeJson() {
    }

    static ObjectNode tree(String file, FileTree tree, Function<DataDescription, List<Visualizer>> visualizers) {
        ObjectNode json = NODES.objectNode();
        json.put("file", file);
        json.put("truncated", tree.truncated());
        if (tree.defaultPlot().isPresent()) {
            DefaultPlot p = tree.defaultPlot().get();
            ObjectNode plot = json.putObject("defaultPlot");
            plot.put("group", p.group());
            plot.put("signal", p.signal());
            ArrayNode axes = plot.putArray("axes");
            p.axes().forEach(axes::add);
            plot.put("title", p.title());
        } else {
            json.putNull("defaultPlot");
        }
        json.set("root", node(tree.root(), "", visualizers));
        return json;
    }

    private static ObjectNode node(Node node, String parentClass,
            Function<DataDescription, List<Visualizer>> visualizers) {
        ObjectNode json = NODES.objectNode();
        json.put("name", node.name());
        json.put("path", node.path());
        json.put("kind", node.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (!node.nexusClass().isEmpty()) {
            json.put("nxClass", node.nexusClass());
        }
        if (!node.link().isEmpty()) {
            json.put("link", node.link());
        }
        ObjectNode attributes = json.putObject("attributes");
        for (Map.Entry<String, Object> a : node.attributes().entrySet()) {
            attributes.set(a.getKey(), value(a.getValue()));
        }
        DatasetInfo d = node.dataset();
        if (d != null) {
            ObjectNode ds = json.putObject("dataset");
            ArrayNode shape = ds.putArray("shape");
            d.shape().forEach(shape::add);
            ds.put("dtype", d.dtype());
            ds.put("numeric", d.numeric());
            ds.put("layout", d.layout());
            ArrayNode chunks = ds.putArray("chunks");
            d.chunks().forEach(chunks::add);
            ArrayNode filters = ds.putArray("filters");
            d.filters().forEach(filters::add);
            ArrayNode offered = json.putArray("visualizers");
            visualizers.apply(new DataDescription(parentClass, d.rank(), d.dtype()))
                    .forEach(v -> offered.add(v.capabilityId()));
        }
        if (!node.children().isEmpty() || node.kind() == org.datastamp.visualization.api.NodeKind.GROUP) {
            ArrayNode children = json.putArray("children");
            node.children().forEach(c -> children.add(node(c, node.nexusClass(), visualizers)));
        }
        return json;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(item -> a.add(value(item)));
            return a;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode(d.longValue()) : NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(v));
    }
}
