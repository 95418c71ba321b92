package org.datastamp.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.SortField;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;

/**
 * The PaNOSC search API (panosc-eu/search-api) over public data: {@code /Datasets}, {@code /Documents},
 * {@code /Instruments}, each with {@code /{pid}} and {@code /count}, Loopback {@code filter} JSON and free-text
 * {@code query} (hits then carry a relevance {@code score} and come best first). Everything is read as an anonymous
 * visitor, so embargoed data never appears.
 */
final class Panosc {

    /** Datasets the exact filter is applied to at most per request, after the search narrowed them. */
    static final int MAX_SCANNED = 20_000;
    private static final int SEARCH_PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Catalog> catalog;
    private final Supplier<DatasetSearch> search;
    private final Supplier<FacilityDirectory> directory;
    private final Supplier<DoiMinting> minting;
    private final Supplier<UnitConverter> units;
    private final PanetTechniques techniques;

    Panosc(Supplier<Catalog> catalog, Supplier<DatasetSearch> search, Supplier<FacilityDirectory> directory,
            Supplier<DoiMinting> minting, Supplier<UnitConverter> units, PanetTechniques techniques) {
        this.catalog = catalog;
        this.search = search;
        this.directory = directory;
        this.minting = minting;
        this.units = units;
        this.techniques = techniques;
    }

    Answer answer(String path, Map<String, String[]> parameters) {
        try {
            return Answer.of(200, "application/json; charset=utf-8", route(path, parameters).toString());
        } catch (PanoscException e) {
            return Answer.of(e.status(), "application/json; charset=utf-8", error(e.status(), e.getMessage()));
        } catch (CatalogException | MintingException e) {
            return Answer.of(503, "application/json; charset=utf-8", error(503, "The catalogue cannot be read now: "
                    + e.getMessage()));
        }
    }

    private JsonNode route(String path, Map<String, String[]> parameters)
            throws PanoscException, CatalogException, MintingException {
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        String collection = parts[0];
        String model = switch (collection) {
            case "Datasets" -> "Dataset";
            case "Documents" -> "Document";
            case "Instruments" -> "Instrument";
            default -> throw PanoscException.notFound("Nothing at /api/panosc/" + collection + "; the API has"
                    + " /Datasets, /Documents and /Instruments");
        };
        Context context = context();
        String query = first(parameters, "query").orElse("");
        if (parts.length == 2 && parts[1].equals("count")) {
            JsonNode where = PanoscFilter.parse(first(parameters, "where").map(w -> "{\"where\":" + w + "}")
                    .orElse(""), PanoscModel.RELATIONS_OF, model).where();
            PanoscFilter all = new PanoscFilter(where, List.of(), PanoscFilter.MAX_LIMIT, 0);
            ObjectNode count = JSON.createObjectNode();
            count.put("count", items(context, model, all, query, true).size());
            return count;
        }
        PanoscFilter filter = PanoscFilter.parse(first(parameters, "filter").orElse(""), PanoscModel.RELATIONS_OF,
                model).rewriting("techniques", this::techniqueClause);
        if (parts.length == 2) {
            return one(context, model, parts[1], filter);
        }
        ArrayNode array = JSON.createArrayNode();
        items(context, model, filter, query, false).forEach(array::add);
        return array;
    }

    private JsonNode one(Context context, String model, String pid, PanoscFilter filter)
            throws PanoscException, CatalogException, MintingException {
        ObjectNode wherePid = JSON.createObjectNode();
        wherePid.put("pid", pid);
        ObjectNode where = JSON.createObjectNode();
        ArrayNode and = where.putArray("and");
        and.add(wherePid);
        if (!filter.where().isNull()) {
            and.add(filter.where());
        }
        Optional<ObjectNode> item = switch (model) {
            case "Dataset" -> {
                Optional<Dataset> d = context.catalog.find(datasetId(pid), Viewer.anonymous());
                yield d.isEmpty() ? Optional.empty()
                        : context.results.select(context.dataset(d.get()), model, where, filter.includes());
            }
            default -> items(context, model, new PanoscFilter(where, filter.includes(), 1, 0), "", false).stream()
                    .findFirst();
        };
        return item.orElseThrow(() -> PanoscException.notFound("No " + model + " '" + pid + "'"));
    }

    private static DatasetId datasetId(String pid) throws PanoscException {
        try {
            return new DatasetId(pid);
        } catch (IllegalArgumentException e) {
            throw PanoscException.notFound("No Dataset '" + pid + "'");
        }
    }

    /**
     * A technique clause as the exact pass compares it: a name PaNET knows (label, alternative label or facility
     * override) and a bare PaNET id become the class's IRI, so {@code SAXS}, {@code small angle x-ray scattering},
     * {@code PaNET01188} and its IRI select the same datasets.
     */
    private JsonNode techniqueClause(JsonNode where) {
        if (!where.isObject()) {
            return where;
        }
        ObjectNode copy = JSON.createObjectNode();
        Optional<String> iri = Optional.empty();
        for (var fields = where.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> f = fields.next();
            Optional<PanetTechniques.Technique> t = !f.getValue().isTextual() ? Optional.empty()
                    : f.getKey().equals("name") ? techniques.of(f.getValue().asText())
                    : f.getKey().equals("pid") ? techniques.byId(f.getValue().asText()) : Optional.empty();
            if (t.isPresent() && iri.isEmpty()) {
                iri = Optional.of(t.get().iri());
            } else if ((f.getKey().equals("and") || f.getKey().equals("or")) && f.getValue().isArray()) {
                ArrayNode parts = copy.putArray(f.getKey());
                f.getValue().forEach(part -> parts.add(techniqueClause(part)));
            } else {
                copy.set(f.getKey(), f.getValue());
            }
        }
        if (iri.isEmpty()) {
            return copy;
        }
        ObjectNode byPid = JSON.createObjectNode().put("pid", iri.get());
        if (copy.isEmpty()) {
            return byPid;
        }
        ObjectNode both = JSON.createObjectNode();
        both.putArray("and").add(byPid).add(copy);
        return both;
    }

    /** Selected items, skip and limit applied (all of them for a count). */
    private List<ObjectNode> items(Context context, String model, PanoscFilter filter, String query, boolean all)
            throws PanoscException, CatalogException, MintingException {
        int wanted = all ? Integer.MAX_VALUE : filter.skip() + filter.limit();
        List<ObjectNode> selected = switch (model) {
            case "Dataset" -> datasets(context, filter, query, wanted);
            case "Document" -> documents(context, filter, query, wanted);
            default -> instruments(context, filter, wanted);
        };
        return all ? selected : selected.subList(Math.min(filter.skip(), selected.size()), selected.size());
    }

    private List<ObjectNode> datasets(Context context, PanoscFilter filter, String query, int wanted)
            throws PanoscException, CatalogException {
        String q = new PanoscPrefilter(context.quantities, context.instruments, techniques).query(filter, query);
        List<ObjectNode> selected = new ArrayList<>();
        if (q.equals(PanoscPrefilter.NOTHING)) {
            return selected;
        }
        boolean scored = !query.isBlank();
        int scanned = 0;
        while (selected.size() < wanted && scanned < MAX_SCANNED) {
            SearchResult page = context.search.search(new SearchRequest(q, scored ? SortField.RELEVANCE
                    : SortField.START_TIME, true, scanned, SEARCH_PAGE, List.of()), Viewer.anonymous());
            for (SearchHit hit : page.hits()) {
                Optional<Dataset> d = context.catalog.find(hit.id(), Viewer.anonymous());
                if (d.isPresent()) {
                    ObjectNode node = context.dataset(d.get());
                    node.put("score", scored ? hit.score() : 0);
                    context.results.select(node, "Dataset", filter.where(), filter.includes())
                            .ifPresent(selected::add);
                    if (selected.size() >= wanted) {
                        break;
                    }
                }
            }
            scanned += page.hits().size();
            if (page.hits().size() < SEARCH_PAGE) {
                break;
            }
        }
        return selected;
    }

    private List<ObjectNode> documents(Context context, PanoscFilter filter, String query, int wanted)
            throws PanoscException, CatalogException, MintingException {
        List<ObjectNode> selected = new ArrayList<>();
        DoiMinting m = require(minting.get(), "The DOI service");
        for (int offset = 0;; offset += SEARCH_PAGE) {
            List<MintRequest> page = m.registered(null, null, offset, SEARCH_PAGE);
            for (MintRequest r : page) {
                List<ObjectNode> datasets = new ArrayList<>();
                for (DatasetId id : r.datasets()) {
                    Optional<Dataset> d = context.catalog.find(id, Viewer.anonymous());
                    if (d.isPresent()) {
                        datasets.add(context.dataset(d.get()));
                    }
                }
                ObjectNode node = context.model.document(r, datasets);
                double score = score(query, node);
                if (!query.isBlank() && score == 0) {
                    continue;
                }
                node.put("score", score);
                context.results.select(node, "Document", filter.where(), filter.includes()).ifPresent(selected::add);
            }
            if (page.size() < SEARCH_PAGE) {
                break;
            }
        }
        if (!query.isBlank()) {
            selected.sort(Comparator.comparingDouble((ObjectNode n) -> n.get("score").asDouble()).reversed());
        }
        return selected.subList(0, Math.min(wanted, selected.size()));
    }

    /** Share of the query's words found in the document's title, summary and keywords. */
    private static double score(String query, ObjectNode document) {
        String[] words = query.toLowerCase(Locale.ROOT).split("\\s+");
        String text = (document.path("title").asText() + " " + document.path("summary").asText() + " "
                + document.path("keywords").toString()).toLowerCase(Locale.ROOT);
        long found = java.util.Arrays.stream(words).filter(w -> !w.isBlank() && text.contains(w)).count();
        long total = java.util.Arrays.stream(words).filter(w -> !w.isBlank()).count();
        return total == 0 ? 0 : (double) found / total;
    }

    private List<ObjectNode> instruments(Context context, PanoscFilter filter, int wanted) throws PanoscException {
        for (PanoscFilter.Include include : filter.includes()) {
            if (include.relation().equals("datasets")) {
                throw PanoscException.badRequest("Instruments do not include their datasets here; ask /Datasets with"
                        + " an instrument include instead");
            }
        }
        List<ObjectNode> selected = new ArrayList<>();
        for (Instrument i : context.instruments.values()) {
            context.results.select(context.model.instrument(i.id()), "Instrument", filter.where(), filter.includes())
                    .ifPresent(selected::add);
        }
        return selected.subList(0, Math.min(wanted, selected.size()));
    }

    /** The services and facility data one request works with. */
    private final class Context {
        final Catalog catalog;
        final DatasetSearch search;
        final Map<String, Instrument> instruments = new LinkedHashMap<>();
        final Quantities quantities;
        final PanoscModel model;
        final PanoscResults results;

        Context() throws PanoscException, CatalogException {
            catalog = require(Panosc.this.catalog.get(), "The catalogue");
            search = require(Panosc.this.search.get(), "The search index");
            FacilityDirectory dir = require(directory.get(), "The facility directory");
            quantities = new Quantities(require(units.get(), "The unit converter"));
            for (Instrument i : dir.instruments()) {
                instruments.put(i.id(), i);
            }
            model = new PanoscModel(dir.facility().map(Facility::name).orElse("DataSTaMP"), instruments,
                    techniques);
            results = new PanoscResults(new PanoscWhere(quantities));
        }

        ObjectNode dataset(Dataset d) {
            return model.dataset(d, d.doi().isEmpty() ? List.of() : List.of(d.doi()));
        }
    }

    private Context context() throws PanoscException, CatalogException {
        return new Context();
    }

    private static <T> T require(T service, String name) throws PanoscException {
        if (service == null) {
            throw new PanoscException(503, name + " is not running yet; retry shortly");
        }
        return service;
    }

    private static Optional<String> first(Map<String, String[]> parameters, String name) {
        String[] v = parameters.get(name);
        return v == null || v.length == 0 ? Optional.empty() : Optional.of(v[0]);
    }

    /** Loopback's error document. */
    private static String error(int status, String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode body = error.putObject("error");
        body.put("statusCode", status);
        body.put("name", status == 404 ? "NotFoundError" : status == 400 ? "BadRequestError" : "Error");
        body.put("message", message);
        return error.toString();
    }
}
