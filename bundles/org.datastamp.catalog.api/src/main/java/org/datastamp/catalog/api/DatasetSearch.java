package org.datastamp.catalog.api;

/**
 * Full-text, structured and unit-aware search over the catalogue, with facet counts. Hits and counts include only
 * datasets the viewer may see (rule in {@link Viewer}).
 *
 * <p>The query language (documented for users in docs/query-language.md):
 * <pre>
 * query      := or
 * or         := and ("OR" and)*
 * and        := unary (["AND"] unary)*            -- juxtaposition means AND
 * unary      := "NOT" unary | "(" or ")" | term
 * term       := field ":" value                 -- instrument:CoSAXS, proposal:20240123, technique:SAXS,
 *                                                  sample:lysozyme, keyword:protein, type:raw
 *             | name op number [unit]           -- sample_temperature &gt; 300 K, exposure_time &lt;= 0.5 s
 *             | "size" op number [unit]         -- size &gt; 1 GB
 *             | ("start"|"end") op date         -- start &gt;= 2024-01-01
 *             | word | "quoted phrase"          -- full text
 * op         := "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * </pre>
 * Comparisons convert units: {@code sample_temperature > 300 K} matches a dataset stored with {@code 40 degC}.
 */
public interface DatasetSearch {

    /**
     * Runs a search for a viewer.
     *
     * @throws QuerySyntaxException when the query is malformed or names an unknown unit or field
     */
    SearchResult search(SearchRequest request, Viewer viewer) throws CatalogException;
}
