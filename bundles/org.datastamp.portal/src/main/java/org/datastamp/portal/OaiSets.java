package org.datastamp.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.MintRequest;

/**
 * The OAI-PMH sets of registered DOIs: {@code instrument:<instrument id>} and {@code technique:<PaNET id>} for the
 * instruments and PaNET techniques of the DOI's datasets, under the parent sets {@code instrument} and
 * {@code technique}. Only datasets an anonymous visitor sees count, so an embargoed dataset of a DOI adds no set.
 * One instance serves one request and remembers what it looked up.
 */
final class OaiSets {

    static final String INSTRUMENT = "instrument";
    static final String TECHNIQUE = "technique";

    /** setSpecType of the OAI-PMH 2.0 schema. */
    static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");

    private final Catalog catalog;
    private final PanetTechniques techniques;
    private final Map<String, SortedSet<String>> byRequest = new HashMap<>();

    OaiSets(Catalog catalog, PanetTechniques techniques) {
        this.catalog = catalog;
        this.techniques = techniques;
    }

    /** The setSpecs of a record (leaf sets only, sorted). */
    SortedSet<String> of(MintRequest r) throws CatalogException {
        SortedSet<String> known = byRequest.get(r.id());
        if (known != null) {
            return known;
        }
        SortedSet<String> specs = new TreeSet<>();
        for (DatasetId id : r.datasets()) {
            Optional<Dataset> d = catalog.find(id, Viewer.anonymous());
            if (d.isPresent()) {
                specs.add(instrument(d.get().content().instrument()));
                techniques.of(d.get().content().technique()).ifPresent(t -> specs.add(TECHNIQUE + ":" + t.id()));
            }
        }
        byRequest.put(r.id(), specs);
        return specs;
    }

    /** Whether a record with these setSpecs is in the set (a set contains its subsets). */
    static boolean in(SortedSet<String> specs, String set) {
        return specs.stream().anyMatch(s -> s.equals(set) || s.startsWith(set + ":"));
    }

    /**
     * The set of an instrument. Instrument ids may hold {@code @}, which setSpecs may not: it is written
     * {@code ~40} ({@code ~} never occurs in an id).
     */
    static String instrument(String id) {
        return INSTRUMENT + ":" + id.replace("@", "~40");
    }

    /** The setName of a setSpec: the instrument's name, the PaNET label, else the spec itself. */
    String name(String spec, Map<String, String> instrumentNames) {
        if (spec.equals(INSTRUMENT)) {
            return "Datasets by instrument";
        }
        if (spec.equals(TECHNIQUE)) {
            return "Datasets by experimental technique (PaNET)";
        }
        String value = spec.substring(spec.indexOf(':') + 1);
        if (spec.startsWith(INSTRUMENT + ":")) {
            return "Instrument " + instrumentNames.getOrDefault(value.replace("~40", "@"), value);
        }
        return "Technique " + techniques.byId(value).map(t -> t.label() + " (" + t.iri() + ")").orElse(value);
    }

    /** The parent sets, which are listed even when empty. */
    static List<String> parents() {
        return List.of(INSTRUMENT, TECHNIQUE);
    }
}
