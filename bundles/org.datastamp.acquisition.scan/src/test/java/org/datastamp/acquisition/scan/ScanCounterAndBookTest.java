package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCounterAndBookTest {

    @TempDir
    Path dir;

    @Test
    void scanNumbersSurviveANewCounterOnTheSameFile() throws Exception {
        Path file = dir.resolve("acquisition/last-scan-number");

        assertEquals("scan-000001", new ScanCounter(file).next().value());
        assertEquals("scan-000002", new ScanCounter(file).next().value());
        assertEquals("2", Files.readString(file).strip());
    }

    @Test
    void aDamagedCounterFileIsReportedNotReset() throws Exception {
        Path file = dir.resolve("last-scan-number");
        Files.writeString(file, "forty-two");

        IOException e = assertThrows(IOException.class, () -> new ScanCounter(file).next());

        assertEquals(file + " holds 'forty-two', not a scan number; write the number of the last scan taken into it",
                e.getMessage());
    }

    @Test
    void theBookKeepsTheNewestScansNewestFirst() {
        ScanBook book = new ScanBook(2);
        for (int i = 1; i <= 3; i++) {
            book.put(status(i, ScanState.QUEUED));
        }
        book.put(status(2, ScanState.COMPLETED));

        assertEquals(List.of("scan-3", "scan-2"), book.recent().stream().map(s -> s.id().value()).toList());
        assertEquals(ScanState.COMPLETED, book.get(new ScanId("scan-2")).orElseThrow().state());
        assertEquals(Optional.empty(), book.get(new ScanId("scan-1")));
    }

    private static ScanStatus status(int n, ScanState state) {
        return new ScanStatus(new ScanId("scan-" + n), new ScanRequest("d", 1, "t", ""), state, 0, Optional.empty(),
                Optional.empty());
    }
}
