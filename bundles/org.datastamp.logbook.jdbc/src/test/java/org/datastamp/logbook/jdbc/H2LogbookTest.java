package org.datastamp.logbook.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The logbook on the embedded H2 catalogue. */
class H2LogbookTest extends LogbookContract {

    @TempDir
    Path dir;

    @Override
    String emptyDatabase() throws Exception {
        return "jdbc:h2:file:" + Files.createTempDirectory(dir, "catalog").resolve("datastamp");
    }
}
