package org.datastamp.ui.logbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.datastamp.logbook.api.EntryKind;
import org.datastamp.logbook.api.ImageData;
import org.datastamp.logbook.api.LogEntry;
import org.junit.jupiter.api.Test;

class NotesPageTest {

    static final Instant T = Instant.parse("2026-01-31T12:00:00Z");

    @Test
    void thePageForbidsEveryScriptWithAContentSecurityPolicy() {
        String page = NotesPage.page(List.of(), (id, thumb) -> Optional.empty());
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " img-src data:; style-src 'unsafe-inline'\">"), page);
    }

    @Test
    void imagesOfTheLogbookAreInlinedAsDataUris() {
        LogEntry note = new LogEntry("e-1", "S1", EntryKind.NOTE, "", 2, "x",
                "<p><img src=\"/api/v1/logbooks/images/abc-1\" alt=\"plot\"> <img src=\"/api/v1/logbooks/images/t-2"
                        + "?thumbnail=true\"> <img src=\"/api/v1/logbooks/images/gone\"></p>",
                "pia", T, "sam<b>", T);
        String page = NotesPage.page(List.of(note), (id, thumbnail) -> id.equals("gone") ? Optional.empty()
                : Optional.of(new ImageData("image/png", (thumbnail ? "T" : "F").getBytes())));

        assertTrue(page.contains("src=\"data:image/png;base64,Rg==\" alt=\"plot\""), page);
        assertTrue(page.contains("src=\"data:image/png;base64,VA==\""), "a TIFF shows as its thumbnail: " + page);
        assertTrue(page.contains("<img src=\"\">"), "an image the viewer may not see is left out: " + page);
        assertTrue(page.contains("sam&lt;b&gt;, 2026-01-31 12:00:00 UTC, version 2"), page);
    }

    @Test
    void otherAddressesAreLeftAsTheSanitizerMadeThem() {
        assertEquals("<a href=\"https://example.org/api/v1/logbooks/images/x\">x</a>", NotesPage.inlineImages(
                "<a href=\"https://example.org/api/v1/logbooks/images/x\">x</a>", (id, t) -> Optional.empty()));
    }
}
