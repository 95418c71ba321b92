package org.datastamp.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    static Downloads.Download file(String name) {
        return new Downloads.Download(name, "text/plain", name.getBytes());
    }

    @Test
    void aFileIsServedOnceByItsToken() {
        Downloads downloads = new Downloads();
        String token = downloads.offer(file("a.txt"));
        String other = downloads.offer(file("b.txt"));
        assertNotEquals(token, other);

        assertEquals("a.txt", downloads.take(token).orElseThrow().fileName());
        assertEquals(Optional.empty(), downloads.take(token), "fetched once");
        assertEquals(Optional.empty(), downloads.take("guess"));
        assertEquals(Optional.empty(), downloads.take(null));
        assertEquals("b.txt", downloads.take(other).orElseThrow().fileName());
    }

    @Test
    void filesNeverFetchedAreDroppedOldestFirst() {
        Downloads downloads = new Downloads();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Downloads.MAX_PENDING + 2; i++) {
            tokens.add(downloads.offer(file(i + ".txt")));
        }
        assertFalse(downloads.take(tokens.get(0)).isPresent());
        assertFalse(downloads.take(tokens.get(1)).isPresent());
        for (int i = 2; i < tokens.size(); i++) {
            assertEquals(i + ".txt", downloads.take(tokens.get(i)).orElseThrow().fileName());
        }
    }

    @Test
    void theFileNameCannotBreakTheHeader() {
        assertEquals("attachment; filename=\"logbook-S1.pdf\"; filename*=UTF-8''logbook-S1.pdf",
                Downloads.disposition("logbook-S1.pdf"));
        assertEquals("attachment; filename=\"a_b_ _c_.html\"; filename*=UTF-8''a_b_%20_c_.html",
                Downloads.disposition("a\"b\\ /c\n.html"));
        assertEquals("attachment; filename=\"Me_ung.pdf\"; filename*=UTF-8''Me%C3%9Fung.pdf",
                Downloads.disposition("Meßung.pdf"), "a UTF-8 name for browsers that read it");
        assertEquals("attachment; filename=\"download\"; filename*=UTF-8''download", Downloads.disposition(".."));
    }

    @Test
    void theFetchScriptQuotesWhatItIsGiven() {
        String script = Downloads.fetchScript("/workbench?servicehandler=datastamp-download&cid=3&token=t-1",
                "x');alert(1);('</script>.html");
        assertTrue(script.contains("a.href='/workbench?servicehandler=datastamp-download&cid=3&token=t-1';"), script);
        assertFalse(script.contains("');alert"), script);
        assertFalse(script.contains("</script>"), script);
        assertTrue(script.contains("a.download='x\\u0027\\u0029\\u003balert\\u00281\\u0029"), script);
    }
}
