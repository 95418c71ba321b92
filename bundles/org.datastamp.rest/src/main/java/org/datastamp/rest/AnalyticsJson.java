package org.datastamp.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of the analytics records, field names as in docs/analytics.md. */
final class AnalyticsJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnalyticsJson() {
    }

    static ArrayNode plugins(List<PluginDescription> plugins) {
        ArrayNode array = JSON.arrayNode();
        for (PluginDescription p : plugins) {
            ObjectNode o = array.addObject();
            o.put("id", p.id());
            o.put("version", p.version());
            o.put("title", p.title());
            o.put("description", p.description());
            ArrayNode parameters = o.putArray("parameters");
            for (ParameterSpec s : p.parameters()) {
                ObjectNode q = parameters.addObject();
                q.put("name", s.name());
                q.put("description", s.description());
                q.put("kind", s.kind().name());
                q.put("unit", s.unit());
                q.put("default", s.defaultValue());
                q.put("required", s.required());
                s.choices().forEach(q.putArray("choices")::add);
            }
        }
        return array;
    }

    static ObjectNode job(AnalysisJob job) {
        ObjectNode o = JSON.objectNode();
        o.put("id", job.id());
        o.put("plugin", job.request().pluginId());
        o.put("pluginVersion", job.pluginVersion());
        ArrayNode inputs = o.putArray("inputs");
        job.request().inputs().forEach(i -> inputs.add(i.value()));
        ObjectNode parameters = o.putObject("parameters");
        job.request().parameters().forEach(parameters::put);
        o.put("title", job.request().title());
        o.put("submittedBy", job.submittedBy());
        o.put("state", job.state().name());
        o.put("progress", job.progress());
        o.put("message", job.message());
        o.put("submitted", job.submitted().toString());
        time(o, "started", job.started());
        time(o, "finished", job.finished());
        if (job.output().isPresent()) {
            o.put("output", job.output().get().value());
        } else {
            o.putNull("output");
        }
        return o;
    }

    private static void time(ObjectNode o, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            o.put(field, t.get().toString());
        } else {
            o.putNull(field);
        }
    }

    static ObjectNode lineage(Lineage lineage) {
        ObjectNode o = JSON.objectNode();
        o.put("focus", lineage.focus().value());
        ArrayNode nodes = o.putArray("nodes");
        for (LineageNode n : lineage.nodes()) {
            ObjectNode node = nodes.addObject();
            node.put("id", n.id().value());
            node.put("title", n.title());
            node.put("type", n.type().name());
            node.put("visible", n.visible());
        }
        ArrayNode edges = o.putArray("edges");
        for (LineageEdge e : lineage.edges()) {
            ObjectNode edge = edges.addObject();
            edge.put("input", e.input().value());
            edge.put("output", e.output().value());
            edge.put("jobId", e.jobId());
            edge.put("pluginId", e.pluginId());
            edge.put("pluginVersion", e.pluginVersion());
        }
        return o;
    }
}
