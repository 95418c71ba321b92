package org.datastamp.analytics.jobs;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A lineage graph as a W3C PROV-JSON document (https://www.w3.org/submissions/prov-json/): datasets are entities,
 * each job that made one is an activity associated with its plugin (a {@code prov:SoftwareAgent} with its version)
 * and with the person who submitted it, on whose behalf the plugin acted. Datasets the viewer may not see are
 * entities with their id only.
 */
final class ProvJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document = JSON.createObjectNode();
    private int relations;

    private ProvJson(String namespace) {
        ObjectNode prefix = document.putObject("prefix");
        prefix.put("datastamp", namespace + "ns#");
        prefix.put("dataset", namespace + "dataset:");
        prefix.put("job", namespace + "job:");
        prefix.put("plugin", namespace + "plugin:");
        prefix.put("user", namespace + "user:");
    }

    static String of(LineageGraph.Walk walk, String namespace) {
        ProvJson prov = new ProvJson(namespace);
        for (LineageNode node : walk.lineage().nodes()) {
            prov.entity(node, walk.visible().get(node.id()));
        }
        Set<String> jobsDone = new LinkedHashSet<>();
        for (LineageEdge edge : walk.lineage().edges()) {
            AnalysisJob job = walk.jobs().get(edge.output());
            ObjectNode derived = prov.relation("wasDerivedFrom");
            derived.put("prov:generatedEntity", dataset(edge.output().value()));
            derived.put("prov:usedEntity", dataset(edge.input().value()));
            if (job == null) {
                continue;
            }
            derived.put("prov:activity", "job:" + job.id());
            ObjectNode used = prov.relation("used");
            used.put("prov:activity", "job:" + job.id());
            used.put("prov:entity", dataset(edge.input().value()));
            job.started().ifPresent(t -> used.put("prov:time", t.toString()));
            if (jobsDone.add(job.id())) {
                prov.job(job, walk.visible().get(edge.output()));
            }
        }
        return prov.document.toString();
    }

    private void entity(LineageNode node, Dataset dataset) {
        ObjectNode e = section("entity").putObject(dataset(node.id().value()));
        e.put("datastamp:visible", node.visible());
        if (dataset == null) {
            return;
        }
        e.set("prov:type", qualifiedName(dataset.content().type() == DatasetType.RAW ? "datastamp:RawDataset"
                : "datastamp:DerivedDataset"));
        e.put("prov:label", dataset.content().title());
        e.put("datastamp:instrument", dataset.content().instrument());
        e.put("datastamp:created", dataset.created().toString());
    }

    /** The activity, its agents and its relations to the dataset it generated. */
    private void job(AnalysisJob job, Dataset output) {
        String activity = "job:" + job.id();
        ObjectNode a = section("activity").putObject(activity);
        a.set("prov:type", qualifiedName("datastamp:AnalysisJob"));
        a.put("prov:label", job.request().pluginId() + " " + job.pluginVersion());
        job.started().ifPresent(t -> a.put("prov:startTime", t.toString()));
        job.finished().ifPresent(t -> a.put("prov:endTime", t.toString()));
        job.request().parameters().forEach((name, value) -> a.put("datastamp:parameter." + name, value));

        String plugin = "plugin:" + job.request().pluginId() + "-" + local(job.pluginVersion());
        ObjectNode p = section("agent").putObject(plugin);
        p.set("prov:type", qualifiedName("prov:SoftwareAgent"));
        p.put("prov:label", job.request().pluginId());
        p.put("datastamp:plugin", job.request().pluginId());
        p.put("datastamp:version", job.pluginVersion());
        String person = "user:" + local(job.submittedBy());
        ObjectNode u = section("agent").putObject(person);
        u.set("prov:type", qualifiedName("prov:Person"));
        u.put("prov:label", job.submittedBy());

        Instant generated = job.finished().orElse(output.created());
        ObjectNode g = relation("wasGeneratedBy");
        g.put("prov:entity", dataset(output.id().value()));
        g.put("prov:activity", activity);
        g.put("prov:time", generated.toString());
        for (String agent : new String[] {plugin, person}) {
            ObjectNode w = relation("wasAssociatedWith");
            w.put("prov:activity", activity);
            w.put("prov:agent", agent);
        }
        ObjectNode b = relation("actedOnBehalfOf");
        b.put("prov:delegate", plugin);
        b.put("prov:responsible", person);
        b.put("prov:activity", activity);
        ObjectNode t = relation("wasAttributedTo");
        t.put("prov:entity", dataset(output.id().value()));
        t.put("prov:agent", person);
    }

    private ObjectNode section(String name) {
        return document.has(name) ? (ObjectNode) document.get(name) : document.putObject(name);
    }

    /** A relation under a blank-node id, as PROV-JSON keys relations. */
    private ObjectNode relation(String kind) {
        return section(kind).putObject("_:" + kind + (++relations));
    }

    private static String dataset(String id) {
        return "dataset:" + id;
    }

    /** A qualified name's local part: what an id may hold that a name may not becomes '_'. */
    private static String local(String text) {
        return text.isEmpty() ? "_" : text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static ObjectNode qualifiedName(String name) {
        ObjectNode value = JSON.createObjectNode();
        value.put("$", name);
        value.put("type", "prov:QUALIFIED_NAME");
        return value;
    }
}
