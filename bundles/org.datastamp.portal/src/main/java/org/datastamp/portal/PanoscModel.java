package org.datastamp.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.Subject;

/**
 * Catalogue records as PaNOSC data model items (panosc-eu/search-api doc/data-model.md), with every relation filled
 * in; {@link PanoscResults} then keeps the relations a filter includes. Datasets are identified by their catalogue id
 * (stable); a registered DOI is a Document of type {@code publication} whose pid is the DOI.
 */
final class PanoscModel {

    /** Relations per model, and the model each leads to. */
    static final Map<String, Map<String, String>> RELATIONS = Map.of(
            "Dataset", Map.of("instrument", "Instrument", "techniques", "Technique", "files", "File", "parameters",
                    "Parameter", "samples", "Sample", "documents", "Document"),
            "Document", Map.of("datasets", "Dataset", "members", "Member", "parameters", "Parameter"),
            "Member", Map.of("person", "Person", "affiliation", "Affiliation", "document", "Document"),
            "Instrument", Map.of("datasets", "Dataset"),
            "File", Map.of("dataset", "Dataset"), "Parameter", Map.of("dataset", "Dataset", "document", "Document"),
            "Technique", Map.of(), "Sample", Map.of(), "Person", Map.of(), "Affiliation", Map.of());

    static final PanoscFilter.RelationsOf RELATIONS_OF = new PanoscFilter.RelationsOf() {
        @Override
        public Set<String> of(String model) {
            return RELATIONS.getOrDefault(model, Map.of()).keySet();
        }

        @Override
        public String target(String model, String relation) {
            return RELATIONS.get(model).get(relation);
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prefix of the pid of a technique PaNET does not name (followed by the catalogue's name). */
    static final String FALLBACK_PID = "technique:";

    private final String facilityName;
    private final Map<String, Instrument> instruments;
    private final PanetTechniques techniques;

    PanoscModel(String facilityName, Map<String, Instrument> instruments, PanetTechniques techniques) {
        this.facilityName = facilityName;
        this.instruments = instruments;
        this.techniques = techniques;
    }

    ObjectNode instrument(String id) {
        Instrument known = instruments.get(id);
        ObjectNode node = JSON.createObjectNode();
        node.put("pid", id);
        node.put("name", known == null ? id : known.name());
        node.put("facility", facilityName);
        return node;
    }

    ObjectNode dataset(Dataset d, List<String> documentPids) {
        ObjectNode node = JSON.createObjectNode();
        node.put("pid", d.id().value());
        node.put("title", d.content().title());
        node.put("isPublic", true);
        node.put("size", d.size());
        node.put("creationDate", d.content().startTime().toString());
        node.put("score", 0);
        node.put("instrumentId", d.content().instrument());
        if (!documentPids.isEmpty()) {
            node.put("documentId", documentPids.get(0));
        }
        node.set("instrument", instrument(d.content().instrument()));
        ArrayNode techniqueNodes = node.putArray("techniques");
        if (!d.content().technique().isBlank()) {
            techniqueNodes.add(technique(d.content().technique()));
        }
        ArrayNode files = node.putArray("files");
        int fileId = 0;
        for (Datafile f : d.content().files()) {
            ObjectNode file = files.addObject();
            file.put("id", ++fileId);
            int slash = f.path().lastIndexOf('/');
            file.put("name", slash < 0 ? f.path() : f.path().substring(slash + 1));
            file.put("path", d.content().location() + "/" + f.path());
            file.put("size", f.size());
        }
        ArrayNode parameters = node.putArray("parameters");
        int parameterId = 0;
        for (MetadataEntry m : d.content().metadata()) {
            ObjectNode p = parameters.addObject();
            p.put("id", ++parameterId);
            p.put("name", m.name());
            p.set("value", JSON.valueToTree(m.value()));
            p.put("unit", m.unit());
        }
        ArrayNode samples = node.putArray("samples");
        if (!d.content().sampleName().isBlank()) {
            ObjectNode s = samples.addObject();
            s.put("pid", d.content().sampleId().isEmpty() ? "sample:" + d.id().value() : d.content().sampleId());
            s.put("name", d.content().sampleName());
        }
        ArrayNode documents = node.putArray("documents");
        documentPids.forEach(pid -> documents.addObject().put("pid", pid));
        return node;
    }

    /**
     * A catalogue technique as a PaNOSC Technique: the PaNET class's IRI and label when the name maps to one, else
     * {@code technique:<name>} and the catalogue's name (PaNOSC asks for a PaNET pid; a facility's own technique
     * outside PaNET still shows and can be filtered by that pid or name).
     */
    ObjectNode technique(String catalogueName) {
        ObjectNode t = JSON.createObjectNode();
        Optional<PanetTechniques.Technique> panet = techniques.of(catalogueName);
        t.put("pid", panet.map(PanetTechniques.Technique::iri).orElse(FALLBACK_PID + catalogueName));
        t.put("name", panet.map(PanetTechniques.Technique::label).orElse(catalogueName));
        return t;
    }

    ObjectNode document(MintRequest r, List<ObjectNode> datasets) {
        DoiMetadata m = r.metadata();
        ObjectNode node = JSON.createObjectNode();
        node.put("pid", r.doi());
        node.put("isPublic", true);
        node.put("type", "publication");
        node.put("title", m.title());
        node.put("summary", m.description());
        node.put("doi", r.doi());
        for (DoiDate d : m.dates()) {
            String[] range = d.value().split("/");
            if (d.type() == org.datastamp.doi.api.DateType.COLLECTED) {
                node.put("startDate", range[0]);
                node.put("endDate", range[range.length - 1]);
            }
        }
        node.put("releaseDate", r.decided() == null ? r.updated().toString() : r.decided().toString());
        node.put("license", m.rights().identifier().isEmpty() ? m.rights().name() : m.rights().identifier());
        ArrayNode keywords = node.putArray("keywords");
        m.subjects().stream().map(Subject::value).forEach(keywords::add);
        node.put("score", 0);
        ArrayNode members = node.putArray("members");
        int memberId = 0;
        for (Creator c : m.creators()) {
            ObjectNode member = members.addObject();
            member.put("id", ++memberId);
            member.put("role", "author");
            ObjectNode person = member.putObject("person");
            person.put("id", c.orcid().isEmpty() ? r.doi() + "#creator-" + memberId : c.orcid());
            person.put("fullName", c.name());
            if (!c.orcid().isEmpty()) {
                person.put("orcid", c.orcid());
            }
            person.put("firstName", c.givenName());
            person.put("lastName", c.familyName());
            if (!c.affiliations().isEmpty()) {
                Affiliation a = c.affiliations().get(0);
                ObjectNode affiliation = member.putObject("affiliation");
                affiliation.put("id", a.ror().isEmpty() ? a.name() : a.ror());
                affiliation.put("name", a.name());
            }
        }
        ArrayNode ds = node.putArray("datasets");
        datasets.forEach(ds::add);
        node.putArray("parameters");
        return node;
    }
}
