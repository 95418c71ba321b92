package org.datastamp.ui.logbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.logbook.api.ScanRow;
import org.junit.jupiter.api.Test;

class ThumbnailCacheTest {

    static ScanRow scan(String scanId, String datasetId) {
        return new ScanRow(scanId, "S1", "CoSAXS", Instant.parse("2026-01-31T12:00:00Z"), "", "eiger", "", "RUNNING",
                datasetId, 0, "", Map.of(), 0, 0, 0, Set.of(), 0, "");
    }

    @Test
    void eachDatasetIsFetchedOnceAndScansWithoutADatasetNever() {
        ThumbnailCache cache = new ThumbnailCache();
        List<ScanRow> rows = List.of(scan("scan-1", "ds-1"), scan("scan-2", ""), scan("scan-3", "ds-3"));
        assertEquals(List.of("ds-1", "ds-3"), cache.toFetch(rows));
        assertEquals(List.of(), cache.toFetch(rows), "being fetched: the next refresh asks nothing again");
        cache.arrived("ds-1", Optional.of(new byte[] {1, 2}));
        cache.arrived("ds-3", Optional.empty());
        assertEquals(List.of(), cache.toFetch(rows), "known, with or without an image");
        assertArrayEquals(new byte[] {1, 2}, cache.png("ds-1").orElseThrow());
        assertTrue(cache.png("ds-3").isEmpty());
        assertEquals(List.of("ds-9"), cache.toFetch(List.of(scan("scan-9", "ds-9"), scan("scan-1", "ds-1"))));
    }

    @Test
    void anExplicitRefreshAsksAgainForDatasetsThatHadNoThumbnail() {
        ThumbnailCache cache = new ThumbnailCache();
        List<ScanRow> rows = List.of(scan("scan-1", "ds-1"), scan("scan-2", "ds-2"));
        cache.toFetch(rows);
        cache.arrived("ds-1", Optional.of(new byte[] {1}));
        cache.arrived("ds-2", Optional.empty()); // e.g. on tape
        cache.retryMissing();
        assertEquals(List.of("ds-2"), cache.toFetch(rows));
    }

    @Test
    void aFetchThatNeverRanIsAskedForAgain() {
        ThumbnailCache cache = new ThumbnailCache();
        List<ScanRow> rows = List.of(scan("scan-1", "ds-1"));
        cache.abandoned(cache.toFetch(rows));
        assertEquals(List.of("ds-1"), cache.toFetch(rows));
    }

    @Test
    void theCacheIsBounded() {
        ThumbnailCache cache = new ThumbnailCache();
        for (int i = 0; i <= ThumbnailCache.MAX_ENTRIES; i++) {
            cache.arrived("ds-" + i, Optional.of(new byte[] {1}));
        }
        assertTrue(cache.png("ds-0").isEmpty(), "the least recently used dataset is forgotten");
        assertEquals(List.of("ds-0"), cache.toFetch(List.of(scan("scan-0", "ds-0"))));
    }
}
