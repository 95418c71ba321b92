package org.datastamp.rest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.Facet;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.CapabilityInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST API's JSON, written out field by field: the wire format is a contract of its own and must not change
 * when an API record gains a component. Timestamps are ISO-8601 instants in UTC ({@code 2026-01-31T12:00:00Z}).
 */
final class JsonMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMapping() {
    }

    static ObjectNode capability(CapabilityInfo info) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", info.kind().name());
        json.put("id", info.id());
        json.put("displayName", info.displayName());
        json.put("bundle", info.bundle());
        json.put("bundleVersion", info.bundleVersion());
        json.put("state", info.state().name());
        return json;
    }

    static ArrayNode capabilities(List<CapabilityInfo> infos) {
        ArrayNode json = NODES.arrayNode();
        infos.forEach(info -> json.add(capability(info)));
        return json;
    }

    /**
     * A dataset with everything the catalogue knows: content, files, metadata, provenance links, lifecycle, access
     * and the directory records it refers to.
     *
     * @param links   absolute path of the datasets resource, used to link input datasets
     * @param related the proposal, session and sample it refers to, where the directory knows them
     */
    static ObjectNode dataset(Dataset dataset, String links, Related related) {
        NewDataset content = dataset.content();
        ObjectNode json = NODES.objectNode();
        json.put("id", dataset.id().value());
        json.put("href", links + "/" + dataset.id().value());
        json.put("title", content.title());
        json.put("description", content.description());
        json.put("type", content.type().name());
        json.put("instrument", content.instrument());
        json.put("technique", content.technique());
        ArrayNode keywords = json.putArray("keywords");
        content.keywords().forEach(keywords::add);
        json.put("sampleName", content.sampleName());
        json.put("location", content.location());
        json.put("startTime", instant(content.startTime()));
        json.put("endTime", instant(content.endTime()));
        json.put("created", instant(dataset.created()));
        json.put("size", dataset.size());
        json.put("fileCount", content.files().size());
        ArrayNode files = json.putArray("files");
        content.files().forEach(file -> files.add(datafile(file)));
        ArrayNode metadata = json.putArray("metadata");
        content.metadata().forEach(entry -> metadata.add(metadataEntry(entry)));
        json.set("proposal", proposalRef(content.proposalId(), related.proposal()));
        json.set("session", sessionRef(content.sessionId(), related.session()));
        json.set("sample", sampleRef(content.sampleId(), related.sample()));
        ArrayNode inputs = json.putArray("inputs");
        content.inputs().forEach(input -> inputs.addObject().put("id", input.value())
                .put("href", links + "/" + input.value()));
        ObjectNode lifecycle = json.putObject("lifecycle");
        lifecycle.put("online", dataset.lifecycle().online());
        lifecycle.put("archived", dataset.lifecycle().archived());
        ArrayNode tiers = lifecycle.putArray("tiers");
        dataset.lifecycle().tiers().forEach(tiers::add);
        ObjectNode access = json.putObject("access");
        access.put("proposalId", dataset.access().proposalId());
        access.put("instrument", dataset.access().instrument());
        access.put("publicFrom", instant(dataset.access().publicFrom()));
        json.put("doi", dataset.doi().isEmpty() ? null : dataset.doi());
        return json;
    }

    /** What a dataset refers to in the facility directory; each empty when it has none or the directory lacks it. */
    record Related(Optional<Proposal> proposal, Optional<Session> session, Optional<Sample> sample) {

        static final Related NONE = new Related(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static JsonNode proposalRef(String id, Optional<Proposal> proposal) {
        if (id.isEmpty()) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode().put("id", id);
        proposal.ifPresent(p -> json.put("title", p.title()).put("principalInvestigator", p.principalInvestigator()));
        return json;
    }

    private static JsonNode sessionRef(String id, Optional<Session> session) {
        if (id.isEmpty()) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode().put("id", id);
        session.ifPresent(s -> json.put("instrument", s.instrument()).put("start", instant(s.start()))
                .put("end", instant(s.end())));
        return json;
    }

    private static JsonNode sampleRef(String id, Optional<Sample> sample) {
        if (id.isEmpty()) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode().put("id", id);
        sample.ifPresent(s -> json.put("name", s.name()).put("description", s.description()));
        return json;
    }

    /** A page of search hits with the total and the facet counts. */
    static ObjectNode searchResult(SearchResult result, SearchRequest request, String links) {
        ObjectNode json = NODES.objectNode();
        json.put("total", result.total());
        json.put("offset", request.offset());
        json.put("limit", request.limit());
        ArrayNode hits = json.putArray("hits");
        for (SearchHit hit : result.hits()) {
            ObjectNode item = hits.addObject();
            item.put("id", hit.id().value());
            item.put("href", links + "/" + hit.id().value());
            item.put("title", hit.title());
            item.put("instrument", hit.instrument());
            item.put("proposalId", hit.proposalId());
            item.put("technique", hit.technique());
            item.put("startTime", instant(hit.startTime()));
            item.put("size", hit.size());
            item.put("score", hit.score());
        }
        ObjectNode facets = json.putObject("facets");
        for (Facet facet : result.facets()) {
            ArrayNode values = facets.putArray(facet.name());
            facet.values().forEach(value -> values.addObject().put("value", value.value()).put("count", value.count()));
        }
        return json;
    }

    static ObjectNode datasets(List<Dataset> datasets, int created, String links) {
        ObjectNode json = NODES.objectNode();
        json.put("created", created);
        ArrayNode array = json.putArray("datasets");
        datasets.forEach(dataset -> array.add(dataset(dataset, links, Related.NONE)));
        return json;
    }

    static ArrayNode instruments(List<Instrument> instruments) {
        ArrayNode json = NODES.arrayNode();
        for (Instrument instrument : instruments) {
            ObjectNode item = json.addObject();
            item.put("id", instrument.id());
            item.put("name", instrument.name());
            ArrayNode techniques = item.putArray("techniques");
            instrument.techniques().forEach(techniques::add);
        }
        return json;
    }

    static ObjectNode proposal(Proposal proposal, List<Session> sessions) {
        ObjectNode json = NODES.objectNode();
        json.put("id", proposal.id());
        json.put("title", proposal.title());
        json.put("abstract", proposal.abstractText());
        json.put("principalInvestigator", proposal.principalInvestigator());
        json.set("members", sortedStrings(proposal.members()));
        json.put("embargo", proposal.embargo() == null ? null : proposal.embargo().toString());
        ArrayNode array = json.putArray("sessions");
        for (Session session : sessions) {
            array.addObject().put("id", session.id()).put("instrument", session.instrument())
                    .put("start", instant(session.start())).put("end", instant(session.end()));
        }
        return json;
    }

    /** The caller: {@code /api/v1/me}. */
    static ObjectNode person(Person person) {
        ObjectNode json = NODES.objectNode();
        json.put("username", person.username());
        json.put("fullName", person.fullName());
        json.put("email", person.email());
        json.put("orcid", person.orcid());
        json.put("affiliation", person.affiliation());
        json.set("roles", sortedStrings(person.roles().stream().map(Role::name).toList()));
        json.set("staffOf", sortedStrings(person.staffOf()));
        return json;
    }

    static ObjectNode session(Session session) {
        return NODES.objectNode().put("id", session.id()).put("proposalId", session.proposalId())
                .put("instrument", session.instrument()).put("start", instant(session.start()))
                .put("end", instant(session.end()));
    }

    static ObjectNode sample(Sample sample) {
        return NODES.objectNode().put("id", sample.id()).put("name", sample.name())
                .put("description", sample.description()).put("proposalId", sample.proposalId());
    }

    static ObjectNode me(Viewer viewer, Optional<Person> person) {
        ObjectNode json = NODES.objectNode();
        json.put("username", viewer.username());
        json.put("fullName", person.map(Person::fullName).orElse(viewer.username()));
        json.set("roles", sortedStrings(person.map(p -> p.roles().stream().map(Role::name).toList()).orElse(List.of())));
        json.set("proposals", sortedStrings(viewer.proposals()));
        json.set("staffOf", sortedStrings(viewer.staffOf()));
        json.put("seesEverything", viewer.seesEverything());
        return json;
    }

    private static ArrayNode sortedStrings(Collection<String> values) {
        ArrayNode json = NODES.arrayNode();
        values.stream().sorted().forEach(json::add);
        return json;
    }

    static ObjectNode datafile(Datafile file) {
        ObjectNode json = NODES.objectNode();
        json.put("path", file.path());
        json.put("size", file.size());
        json.put("checksumAlgorithm", file.checksumAlgorithm());
        json.put("checksum", file.checksum());
        json.put("modified", instant(file.modified()));
        return json;
    }

    static ObjectNode metadataEntry(MetadataEntry entry) {
        ObjectNode json = NODES.objectNode();
        json.put("name", entry.name());
        json.set("value", metadataValue(entry.value()));
        json.put("unit", entry.unit());
        return json;
    }

    /** Metadata values keep their JSON type: numbers stay numbers, lists become arrays. */
    static JsonNode metadataValue(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(metadataValue(element)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof BigDecimal big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        return NODES.textNode(String.valueOf(value));
    }

    static ObjectNode scanStatus(ScanStatus status) {
        ObjectNode json = NODES.objectNode();
        json.put("id", status.id().value());
        json.put("state", status.state().name());
        json.put("framesWritten", status.framesWritten());
        json.put("framesDropped", status.framesDropped());
        json.put("frameCount", status.request().frameCount());
        json.put("detectorId", status.request().detectorId());
        json.put("title", status.request().title());
        json.put("datasetId", status.dataset().map(Object::toString).orElse(null));
        json.put("error", status.error().orElse(null));
        return json;
    }

    static ArrayNode scanStatuses(List<ScanStatus> statuses) {
        ArrayNode json = NODES.arrayNode();
        statuses.forEach(status -> json.add(scanStatus(status)));
        return json;
    }

    static ObjectNode problem(Problem problem) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "about:blank");
        json.put("title", problem.title());
        json.put("status", problem.status());
        json.put("detail", problem.detail());
        problem.members().forEach((name, value) -> {
            if (value instanceof Integer i) {
                json.put(name, i);
            } else if (value instanceof Long l) {
                json.put(name, l);
            } else if (value instanceof JsonNode node) {
                json.set(name, node);
            } else {
                json.put(name, String.valueOf(value));
            }
        });
        return json;
    }

    private static String instant(Instant instant) {
        return instant.toString();
    }
}
