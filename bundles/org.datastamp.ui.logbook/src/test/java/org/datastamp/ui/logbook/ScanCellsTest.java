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
    void cellsArePlainTextAndTheThumbnailColumnHasNone() {
        String[] cells = ScanCells.row(row("<img src=x onerror=alert(1)>", "/api/x.png", Map.of("t", "1 & 2")),
                List.of("t"));
        assertEquals("2026-01-31 12:00:00", cells[0]);
        assertEquals("<img src=x onerror=alert(1)>", cells[3], "the table has no markup: names show as typed");
        assertEquals("1 & 2", cells[4]);
        assertEquals("", cells[ScanCells.thumbnailColumn(List.of("t"))], "the thumbnail is the item's image");
        assertEquals("Thumbnail", ScanCells.headers(List.of("t")).get(ScanCells.thumbnailColumn(List.of("t"))));
        assertEquals("a, b", cells[8]);
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
