package org.datastamp.ui.logbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.datastamp.logbook.api.ScanRow;
import org.junit.jupiter.api.Test;

class ScanCellsTest {

    static ScanRow row(String sample, String thumbnail, Map<String, String> values) {
        return new ScanRow("scan-000001", "S1", "CoSAXS", Instant.parse("2026-01-31T12:00:00Z"), "Scan 1", "eiger",
                sample, "COMPLETED", "ds-1", 10, "", values, 3.5, 2, 4, Set.of("b", "a"), 1, thumbnail);
    }

    @Test
    void keyColumnsAreTheUnionOfTheRowsValuesInNameOrder() {
        List<String> columns = ScanCells.keyColumns(List.of(row("s", "", Map.of("z", "1")),
                row("s", "", Map.of("beam_energy", "12.4 keV"))));
        assertEquals(List.of("beam_energy", "z"), columns);
        assertEquals(List.of("Time (UTC)", "Scan", "Type", "Sample", "beam_energy", "z", "Thumbnail", "Status",
                "Rating", "Tags", "Comments"), ScanCells.headers(columns));
    }

    @Test
    void cellsAreEscapedForTheMarkupTable() {
        String[] cells = ScanCells.row(row("<img src=x onerror=alert(1)>", "", Map.of("t", "1 & 2")), List.of("t"));
        assertEquals("2026-01-31 12:00:00", cells[0]);
        assertEquals("&lt;img src=x onerror=alert(1)&gt;", cells[3]);
        assertEquals("1 &amp; 2", cells[4]);
        assertEquals("a, b", cells[8]);
    }

    @Test
    void onlyPlainUrlPathsBecomeThumbnails() {
        assertEquals("<img src=\"/api/v1/thumbs/1.png?size=64\" width=\"48\" height=\"48\"/>",
                ScanCells.thumbnail("/api/v1/thumbs/1.png?size=64"));
        assertEquals("", ScanCells.thumbnail("javascript:alert(1)"));
        assertEquals("", ScanCells.thumbnail("/x\" onerror=\"alert(1)"));
        assertEquals("", ScanCells.thumbnail(""));
    }

    @Test
    void theRatingShowsStarsMeanAndCount() {
        assertEquals("\u2605\u2605\u2605\u2605\u2606 3.5 (2)", ScanCells.stars(3.5, 2));
        assertEquals("", ScanCells.stars(0, 0));
    }

    @Test
    void theSearchBoxUnderstandsTagStarsAndStatus() {
        var filter = ScanFilters.parse(" lysozyme tag:Best stars:4 status:failed run ");
        assertEquals("lysozyme run", filter.text());
        assertEquals("best", filter.tag());
        assertEquals(4, filter.minStars());
        assertEquals("FAILED", filter.status());
        assertTrue(ScanFilters.parse("").text().isEmpty());
        assertEquals("stars:9", ScanFilters.parse("stars:9").text(), "an impossible rating stays a word");
    }
}
