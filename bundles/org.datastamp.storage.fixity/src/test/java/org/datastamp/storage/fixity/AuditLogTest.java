package org.datastamp.storage.fixity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditOutcome;
import org.datastamp.storage.api.AuditQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void entriesSurviveReopeningAndALineCutShortByACrashIsSkipped() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("fixity/audit.jsonl"));
        AuditEvent event = new AuditEvent(Instant.parse("2026-11-25T10:00:00Z"), "raw/a \"quoted\".h5", "cloud",
                AuditOutcome.CORRUPT, "SHA-256 differs\nsecond line");
        log.append(event);
        Files.writeString(log.file(), "{\"time\":\"2026-11-25T10:00:01Z\",\"key\":\"raw/b", StandardOpenOption.APPEND);

        assertEquals(List.of(event), new AuditLog(log.file()).query(AuditQuery.latest(10)));
    }
}
