package org.datastamp.portal;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;

/**
 * OAI-PMH 2.0 over the registered DOIs: Identify, ListMetadataFormats, ListSets (instruments and PaNET techniques,
 * see {@link OaiSets}), GetRecord, ListIdentifiers and ListRecords with from/until/set and resumption tokens. Item
 * identifiers are {@code doi:<DOI>}; datestamps are the registration (last change) times. Formats: oai_dc and every
 * {@link DoiMetadataFormat} service (DataCite's {@code oai_datacite} and {@code datacite}).
 */
final class OaiPmh {

    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private static final Map<String, Set<String>> REQUIRED = Map.of("Identify", Set.of(), "ListMetadataFormats",
            Set.of(), "ListSets", Set.of(), "GetRecord", Set.of("identifier", "metadataPrefix"), "ListIdentifiers",
            Set.of("metadataPrefix"), "ListRecords", Set.of("metadataPrefix"));
    private static final Map<String, Set<String>> OPTIONAL = Map.of("Identify", Set.of(), "ListMetadataFormats",
            Set.of("identifier"), "ListSets", Set.of("resumptionToken"), "GetRecord", Set.of(), "ListIdentifiers",
            Set.of("from", "until", "set", "resumptionToken"), "ListRecords",
            Set.of("from", "until", "set", "resumptionToken"));

    /**
     * @param repositoryName shown in Identify
     * @param baseUrl        this endpoint's public URL
     * @param adminEmail     contact of the repository's operators
     * @param pageSize       records (or headers) per incomplete list
     */
    record Settings(String repositoryName, String baseUrl, String adminEmail, int pageSize) {
    }

    /** Registered DOIs read per call while looking for the members of a set. */
    private static final int SCAN_PAGE = 500;

    private final Settings settings;
    private final Supplier<DoiMinting> minting;
    private final Supplier<Catalog> catalog;
    private final Supplier<FacilityDirectory> directory;
    private final PanetTechniques techniques;
    private final Supplier<List<DoiMetadataFormat>> formats;
    private final Clock clock;

    /**
     * @param catalog     datasets of the DOIs, for their sets
     * @param directory   instrument names for ListSets; ids are shown while it is absent
     * @param techniques  technique names to PaNET classes, for the technique sets
     */
    OaiPmh(Settings settings, Supplier<DoiMinting> minting, Supplier<Catalog> catalog,
            Supplier<FacilityDirectory> directory, PanetTechniques techniques,
            Supplier<List<DoiMetadataFormat>> formats, Clock clock) {
        this.settings = settings;
        this.minting = minting;
        this.catalog = catalog;
        this.directory = directory;
        this.techniques = techniques;
        this.formats = formats;
        this.clock = clock;
    }

    Answer answer(Map<String, String[]> parameters) {
        Map<String, String> arguments = new LinkedHashMap<>();
        String verb;
        try {
            verb = verb(parameters);
            for (Map.Entry<String, String[]> p : parameters.entrySet()) {
                if (!p.getKey().equals("verb")) {
                    if (p.getValue().length != 1) {
                        throw OaiError.badArgument("Argument '" + p.getKey() + "' is repeated");
                    }
                    arguments.put(p.getKey(), p.getValue()[0]);
                }
            }
            checkArguments(verb, arguments);
        } catch (OaiError e) {
            return Answer.of(200, CONTENT_TYPE, envelope(null, Map.of(), (x, out) -> error(x, e)));
        }
        DoiMinting service = minting.get();
        Catalog datasets = catalog.get();
        if (service == null || datasets == null) {
            return new Answer(503, "text/plain; charset=utf-8", "The repository is starting; retry shortly\n",
                    Map.of("Retry-After", "30"));
        }
        try {
            OaiSets sets = new OaiSets(datasets, techniques);
            String body = switch (verb) {
                case "Identify" -> identify(verb, arguments, service);
                case "ListMetadataFormats" -> listMetadataFormats(verb, arguments, service);
                case "ListSets" -> listSets(verb, arguments, service, sets);
                case "GetRecord" -> getRecord(verb, arguments, service, sets);
                default -> list(verb, arguments, service, sets);
            };
            return Answer.of(200, CONTENT_TYPE, body);
        } catch (OaiError e) {
            boolean echo = !e.code().equals("badArgument") && !e.code().equals("badVerb");
            return Answer.of(200, CONTENT_TYPE, envelope(echo ? verb : null, arguments, (x, out) -> error(x, e)));
        } catch (MintingException | CatalogException e) {
            return new Answer(503, "text/plain; charset=utf-8", "The catalogue cannot be read now: " + e.getMessage()
                    + "\n", Map.of("Retry-After", "30"));
        }
    }

    private static String verb(Map<String, String[]> parameters) throws OaiError {
        String[] verbs = parameters.get("verb");
        if (verbs == null || verbs.length == 0) {
            throw new OaiError("badVerb", "The request has no verb");
        }
        if (verbs.length > 1) {
            throw new OaiError("badVerb", "The verb is repeated");
        }
        if (!REQUIRED.containsKey(verbs[0])) {
            throw new OaiError("badVerb", "'" + verbs[0] + "' is not an OAI-PMH verb");
        }
        return verbs[0];
    }

    private static void checkArguments(String verb, Map<String, String> arguments) throws OaiError {
        for (String name : arguments.keySet()) {
            if (!REQUIRED.get(verb).contains(name) && !OPTIONAL.get(verb).contains(name)) {
                throw OaiError.badArgument(verb + " does not take the argument '" + name + "'");
            }
        }
        if (arguments.containsKey("resumptionToken")) {
            if (arguments.size() > 1) {
                throw OaiError.badArgument("resumptionToken is an exclusive argument");
            }
            return;
        }
        for (String name : REQUIRED.get(verb)) {
            if (!arguments.containsKey(name)) {
                throw OaiError.badArgument(verb + " needs the argument '" + name + "'");
            }
        }
    }

    private String identify(String verb, Map<String, String> arguments, DoiMinting service)
            throws MintingException {
        List<MintRequest> first = service.registered(null, null, 0, 1);
        Instant earliest = first.isEmpty() ? clock.instant() : first.get(0).updated();
        return envelope(verb, arguments, (x, out) -> {
            x.writeStartElement("Identify");
            text(x, "repositoryName", settings.repositoryName());
            text(x, "baseURL", settings.baseUrl());
            text(x, "protocolVersion", "2.0");
            text(x, "adminEmail", settings.adminEmail());
            text(x, "earliestDatestamp", OaiDates.format(earliest));
            text(x, "deletedRecord", "no");
            text(x, "granularity", "YYYY-MM-DDThh:mm:ssZ");
            x.writeEndElement();
        });
    }

    private String listMetadataFormats(String verb, Map<String, String> arguments, DoiMinting service)
            throws OaiError, MintingException {
        if (arguments.containsKey("identifier")) {
            record(service, arguments.get("identifier"));
        }
        return envelope(verb, arguments, (x, out) -> {
            x.writeStartElement("ListMetadataFormats");
            for (DoiMetadataFormat f : allFormats()) {
                x.writeStartElement("metadataFormat");
                text(x, "metadataPrefix", f.metadataPrefix());
                text(x, "schema", f.schemaLocation());
                text(x, "metadataNamespace", f.namespace());
                x.writeEndElement();
            }
            x.writeEndElement();
        });
    }

    /** Every set with at least one record, and the two parent sets; one response (there are few). */
    private String listSets(String verb, Map<String, String> arguments, DoiMinting service, OaiSets sets)
            throws OaiError, MintingException, CatalogException {
        if (arguments.containsKey("resumptionToken")) {
            throw new OaiError("badResumptionToken", "ListSets answers in one response and issues no resumption"
                    + " tokens");
        }
        SortedSet<String> specs = new TreeSet<>(OaiSets.parents());
        for (int offset = 0;; offset += SCAN_PAGE) {
            List<MintRequest> page = service.registered(null, null, offset, SCAN_PAGE);
            for (MintRequest r : page) {
                specs.addAll(sets.of(r));
            }
            if (page.size() < SCAN_PAGE) {
                break;
            }
        }
        Map<String, String> instrumentNames = new LinkedHashMap<>();
        FacilityDirectory dir = directory.get();
        if (dir != null) {
            dir.instruments().forEach(i -> instrumentNames.put(i.id(), i.name()));
        }
        return envelope(verb, arguments, (x, out) -> {
            x.writeStartElement("ListSets");
            for (String spec : specs) {
                x.writeStartElement("set");
                text(x, "setSpec", spec);
                text(x, "setName", sets.name(spec, instrumentNames));
                x.writeEndElement();
            }
            x.writeEndElement();
        });
    }

    private String getRecord(String verb, Map<String, String> arguments, DoiMinting service, OaiSets sets)
            throws OaiError, MintingException, CatalogException {
        DoiMetadataFormat format = format(arguments.get("metadataPrefix"));
        MintRequest r = record(service, arguments.get("identifier"));
        SortedSet<String> specs = sets.of(r);
        return envelope(verb, arguments, (x, out) -> {
            x.writeStartElement("GetRecord");
            record(x, out, r, specs, format);
            x.writeEndElement();
        });
    }

    private String list(String verb, Map<String, String> arguments, DoiMinting service, OaiSets sets)
            throws OaiError, MintingException, CatalogException {
        ResumptionToken position;
        if (arguments.containsKey("resumptionToken")) {
            position = ResumptionToken.decode(arguments.get("resumptionToken"));
        } else {
            String set = arguments.get("set");
            if (set != null && !OaiSets.SET_SPEC.matcher(set).matches()) {
                throw OaiError.badArgument("'" + set + "' is not a setSpec; ListSets names the sets, e.g."
                        + " instrument:<id> or technique:<PaNET id>");
            }
            String from = arguments.get("from");
            String until = arguments.get("until");
            if (from != null && until != null && from.length() != until.length()) {
                throw OaiError.badArgument("'from' and 'until' must have the same granularity");
            }
            Instant fromTime = from == null ? null : OaiDates.parse("from", from, false);
            Instant untilTime = until == null ? null : OaiDates.parse("until", until, true);
            if (fromTime != null && untilTime != null && fromTime.isAfter(untilTime)) {
                throw OaiError.badArgument("'from' is later than 'until'");
            }
            position = new ResumptionToken(arguments.get("metadataPrefix"), fromTime, untilTime, 0, set);
        }
        DoiMetadataFormat format = format(position.metadataPrefix());
        List<MintRequest> page = position.set() == null
                ? new ArrayList<>(service.registered(position.from(), position.until(), position.offset(),
                        settings.pageSize() + 1))
                : inSet(service, sets, position, settings.pageSize() + 1);
        boolean more = page.size() > settings.pageSize();
        if (more) {
            page.remove(page.size() - 1);
        }
        if (page.isEmpty() && position.offset() == 0) {
            throw new OaiError("noRecordsMatch", position.set() == null ? "No DOI was registered in the given range"
                    : "No DOI registered in the given range is in the set '" + position.set() + "'");
        }
        Map<String, SortedSet<String>> specs = new LinkedHashMap<>();
        for (MintRequest r : page) {
            specs.put(r.id(), sets.of(r));
        }
        boolean resumed = position.offset() > 0;
        return envelope(verb, arguments, (x, out) -> {
            x.writeStartElement(verb);
            for (MintRequest r : page) {
                if (verb.equals("ListRecords")) {
                    record(x, out, r, specs.get(r.id()), format);
                } else {
                    header(x, r, specs.get(r.id()));
                }
            }
            if (more || resumed) {
                x.writeStartElement("resumptionToken");
                x.writeAttribute("cursor", Integer.toString(position.offset()));
                if (more) {
                    x.writeCharacters(new ResumptionToken(position.metadataPrefix(), position.from(),
                            position.until(), position.offset() + page.size(), position.set()).encode());
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        });
    }

    /**
     * Records of the set in the token's range, from its offset on: the registered DOIs are read in order and those
     * outside the set skipped, so a page costs a pass over the DOIs before it (thousands, not millions, per facility).
     */
    private static List<MintRequest> inSet(DoiMinting service, OaiSets sets, ResumptionToken position, int limit)
            throws MintingException, CatalogException {
        List<MintRequest> found = new ArrayList<>();
        int skipped = 0;
        for (int offset = 0; found.size() < limit; offset += SCAN_PAGE) {
            List<MintRequest> page = service.registered(position.from(), position.until(), offset, SCAN_PAGE);
            for (MintRequest r : page) {
                if (found.size() < limit && OaiSets.in(sets.of(r), position.set())) {
                    if (skipped < position.offset()) {
                        skipped++;
                    } else {
                        found.add(r);
                    }
                }
            }
            if (page.size() < SCAN_PAGE) {
                break;
            }
        }
        return found;
    }

    private MintRequest record(DoiMinting service, String identifier) throws OaiError, MintingException {
        if (identifier.startsWith("doi:")) {
            try {
                Optional<MintRequest> r = service.registered(new Doi(identifier.substring(4)));
                if (r.isPresent()) {
                    return r.get();
                }
            } catch (IllegalArgumentException e) {
                // not a DOI: unknown here
            }
        }
        throw new OaiError("idDoesNotExist", "No record '" + identifier + "'; identifiers are doi:<DOI>");
    }

    private List<DoiMetadataFormat> allFormats() {
        List<DoiMetadataFormat> all = new ArrayList<>();
        all.add(new DublinCore());
        all.addAll(formats.get());
        return all;
    }

    private DoiMetadataFormat format(String prefix) throws OaiError {
        for (DoiMetadataFormat f : allFormats()) {
            if (f.metadataPrefix().equals(prefix)) {
                return f;
            }
        }
        throw new OaiError("cannotDisseminateFormat", "Format '" + prefix + "' is not offered; ListMetadataFormats"
                + " names those that are");
    }

    private static void header(XMLStreamWriter x, MintRequest r, SortedSet<String> specs) throws XMLStreamException {
        x.writeStartElement("header");
        text(x, "identifier", "doi:" + r.doi());
        text(x, "datestamp", OaiDates.format(r.updated()));
        for (String spec : specs) {
            text(x, "setSpec", spec);
        }
        x.writeEndElement();
    }

    private static void record(XMLStreamWriter x, StringWriter out, MintRequest r, SortedSet<String> specs,
            DoiMetadataFormat format) throws XMLStreamException {
        x.writeStartElement("record");
        header(x, r, specs);
        x.writeStartElement("metadata");
        raw(x, out, format.toXml(new Doi(r.doi()), r.metadata()));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void error(XMLStreamWriter x, OaiError e) throws XMLStreamException {
        x.writeStartElement("error");
        x.writeAttribute("code", e.code());
        x.writeCharacters(e.getMessage());
        x.writeEndElement();
    }

    /** Part of a response written after the envelope's start. */
    private interface Body {
        void write(XMLStreamWriter x, StringWriter out) throws XMLStreamException, MintingException, OaiError;
    }

    /**
     * The response envelope. The {@code request} element echoes the arguments, except after badVerb and badArgument
     * (protocol section 3.2), when verb is null.
     */
    private String envelope(String verb, Map<String, String> arguments, Body body) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter x = OUTPUT.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(NAMESPACE);
            x.writeStartElement(NAMESPACE, "OAI-PMH");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeNamespace("xsi", XSI);
            x.writeAttribute(XSI, "schemaLocation", NAMESPACE + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            text(x, "responseDate", OaiDates.format(clock.instant()));
            x.writeStartElement("request");
            if (verb != null) {
                x.writeAttribute("verb", verb);
                for (Map.Entry<String, String> a : arguments.entrySet()) {
                    x.writeAttribute(a.getKey(), a.getValue());
                }
            }
            x.writeCharacters(settings.baseUrl());
            x.writeEndElement();
            body.write(x, out);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write an OAI-PMH response", e);
        } catch (MintingException | OaiError e) {
            // bodies raise these before writing anything (checks come first); reaching here is a programming error
            throw new IllegalStateException("An OAI-PMH response failed while being written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** Inserts an XML element produced elsewhere (a metadata format) into the stream. */
    private static void raw(XMLStreamWriter x, StringWriter out, String element) throws XMLStreamException {
        x.writeCharacters(""); // closes the start tag before the element is appended
        x.flush();
        out.write(element);
    }
}
