package org.datastamp.portal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the catalogue's technique names (free text, e.g. {@code SAXS}) to classes of PaNET, the photon and neutron
 * experimental techniques ontology the PaNOSC search API identifies techniques by. A name matches a class's label
 * without regard to case, else one of its alternative labels (an alternative label two classes share matches
 * neither); the facility's overrides ({@code SAXS=PaNET01188,...}) come before both. The classes are those of the
 * table written by releng/panet/generate-panet-techniques.py from a PaNET release.
 */
final class PanetTechniques {

    static final String NAMESPACE = "http://purl.org/pan-science/PaNET/";
    private static final String TABLE = "panet/panet-techniques.csv";

    /**
     * One PaNET class.
     *
     * @param id    e.g. {@code PaNET01188}
     * @param label its rdfs:label, e.g. {@code small angle x-ray scattering}
     */
    record Technique(String id, String label) {

        /** The class's IRI, the PaNOSC technique pid. */
        String iri() {
            return NAMESPACE + id;
        }
    }

    private final Map<String, Technique> byId;
    private final Map<String, Technique> byName;

    private PanetTechniques(Map<String, Technique> byId, Map<String, Technique> byName) {
        this.byId = byId;
        this.byName = byName;
    }

    /** The PaNET release in the bundle, without overrides. */
    static PanetTechniques standard() {
        return standard("");
    }

    /**
     * The PaNET release in the bundle with the facility's overrides.
     *
     * @param overrides {@code name=PaNETnnnnn} pairs separated by commas; blank for none
     * @throws IllegalArgumentException naming a malformed pair or an id PaNET does not have
     */
    static PanetTechniques standard(String overrides) {
        try (InputStream in = PanetTechniques.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("The PaNET table " + TABLE + " is missing from the bundle");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("The PaNET table " + TABLE + " cannot be read", e);
        }
    }

    private static PanetTechniques read(BufferedReader table, String overrides) throws IOException {
        Map<String, Technique> byId = new LinkedHashMap<>();
        Map<String, Technique> labels = new LinkedHashMap<>();
        Map<String, Technique> alternatives = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String line = table.readLine(); line != null; line = table.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            Technique t = new Technique(fields[0], fields[1]);
            byId.put(t.id(), t);
            labels.putIfAbsent(key(t.label()), t);
            for (String alternative : fields[2].isEmpty() ? new String[0] : fields[2].split("\\|")) {
                Technique before = alternatives.putIfAbsent(key(alternative), t);
                if (before != null && !before.equals(t)) {
                    ambiguous.add(key(alternative));
                }
            }
        }
        Map<String, Technique> byName = new LinkedHashMap<>();
        parseOverrides(overrides, byId).forEach((name, t) -> byName.put(key(name), t));
        labels.forEach(byName::putIfAbsent);
        alternatives.forEach((name, t) -> {
            if (!ambiguous.contains(name)) {
                byName.putIfAbsent(name, t);
            }
        });
        return new PanetTechniques(Map.copyOf(byId), Map.copyOf(byName));
    }

    private static Map<String, Technique> parseOverrides(String overrides, Map<String, Technique> byId) {
        Map<String, Technique> parsed = new LinkedHashMap<>();
        if (overrides == null || overrides.isBlank()) {
            return parsed;
        }
        for (String pair : overrides.split(",")) {
            int eq = pair.lastIndexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).strip();
            String id = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (name.isEmpty() || id.isEmpty()) {
                throw new IllegalArgumentException("techniqueMapping: '" + pair.strip() + "' is not name=PaNET id,"
                        + " e.g. SAXS=PaNET01188");
            }
            Technique t = byId.get(id.startsWith(NAMESPACE) ? id.substring(NAMESPACE.length()) : id);
            if (t == null) {
                throw new IllegalArgumentException("techniqueMapping: '" + id + "' (for '" + name + "') is not a"
                        + " PaNET technique id; ids look like PaNET01188, see http://purl.org/pan-science/PaNET/");
            }
            parsed.put(name, t);
        }
        return parsed;
    }

    /** The PaNET class of a catalogue technique name, if the name is known. */
    Optional<Technique> of(String catalogueName) {
        return catalogueName == null ? Optional.empty() : Optional.ofNullable(byName.get(key(catalogueName)));
    }

    /** A class by its id ({@code PaNET01188}) or IRI. */
    Optional<Technique> byId(String idOrIri) {
        if (idOrIri == null) {
            return Optional.empty();
        }
        String id = idOrIri.startsWith(NAMESPACE) ? idOrIri.substring(NAMESPACE.length()) : idOrIri;
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Every name (lower case) that maps to the class: what a catalogue search must look for to find its datasets.
     * Catalogue names compare without regard to case too.
     */
    List<String> names(Technique technique) {
        List<String> names = new ArrayList<>();
        byName.forEach((name, t) -> {
            if (t.equals(technique)) {
                names.add(name);
            }
        });
        names.sort(null);
        return names;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
