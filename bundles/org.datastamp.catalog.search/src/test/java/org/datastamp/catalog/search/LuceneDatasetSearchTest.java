package org.datastamp.catalog.search;

import static org.datastamp.catalog.search.TestDataset.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SortField;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.datastamp.core.api.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The component as Declarative Services runs it: data directory from the framework, configuration, lifecycle. */
class LuceneDatasetSearchTest {

    @TempDir
    Path dataDir;

    private final FakeCatalog catalog = new FakeCatalog();

    private LuceneDatasetSearch activate(Map<String, Object> config) throws Exception {
        return new LuceneDatasetSearch(catalog, new IndriyaUnitConverter(), config(config), context());
    }

    private static SearchRequest everything() {
        return new SearchRequest("", SortField.START_TIME, true, 0, 100, List.of());
    }

    @Test
    void aDatasetRecordedAfterActivationIsFoundByTheNextSearch() throws Exception {
        // a long poll interval: the search itself must apply the new change
        LuceneDatasetSearch search = activate(Map.of("pollIntervalMillis", 3_600_000L));
        try {
            titled("Fresh lysozyme scan").isPublic().recordIn(catalog, "ds-fresh");
            assertEquals(List.of("ds-fresh"), search.search(new SearchRequest("lysozyme", SortField.RELEVANCE,
                    true, 0, 10, List.of()), Viewer.anonymous()).hits().stream().map(h -> h.id().value()).toList());
        } finally {
            search.deactivate();
        }
        assertTrue(Files.isDirectory(dataDir.resolve("catalog/index")), "index under <data dir>/catalog/index");
    }

    @Test
    void theIndexSurvivesARestartAndResumesAfterItsLastChange() throws Exception {
        titled("one").recordIn(catalog, "ds-1");
        LuceneDatasetSearch first = activate(Map.of("pollIntervalMillis", 3_600_000L));
        assertEquals(1, first.search(everything(), Viewer.system()).total());
        first.deactivate();

        titled("two").recordIn(catalog, "ds-2");
        catalog.askedSince.clear();
        LuceneDatasetSearch second = activate(Map.of("pollIntervalMillis", 3_600_000L));
        try {
            assertEquals(2, second.search(everything(), Viewer.system()).total());
            assertFalse(catalog.askedSince.contains(0L), "re-read the feed from the start: " + catalog.askedSince);
        } finally {
            second.deactivate();
        }
    }

    @Test
    void theIndexFolderCanBeConfiguredRelativeToTheDataDirectory() throws Exception {
        LuceneDatasetSearch search = activate(Map.of("indexDir", "elsewhere/idx", "pollIntervalMillis", 3_600_000L));
        search.deactivate();
        assertTrue(Files.isDirectory(dataDir.resolve("elsewhere/idx")));
    }

    @Test
    void aMalformedQueryIsASyntaxError() throws Exception {
        LuceneDatasetSearch search = activate(Map.of("pollIntervalMillis", 3_600_000L));
        try {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> search.search(
                    new SearchRequest("(lysozyme", SortField.RELEVANCE, true, 0, 10, List.of()), Viewer.anonymous()));
            assertEquals(0, e.position());
        } finally {
            search.deactivate();
        }
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && DataDirectory.PROPERTY.equals(args[0])) {
                        return dataDir.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A configuration as Configuration Admin gives it: the given values, else the declared defaults. */
    private static LuceneDatasetSearch.Config config(Map<String, Object> values) {
        return (LuceneDatasetSearch.Config) Proxy.newProxyInstance(LuceneDatasetSearch.Config.class.getClassLoader(),
                new Class<?>[] { LuceneDatasetSearch.Config.class }, (proxy, method, args) -> {
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
