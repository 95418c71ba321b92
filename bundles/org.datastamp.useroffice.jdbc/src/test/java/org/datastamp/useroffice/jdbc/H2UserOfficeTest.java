package org.datastamp.useroffice.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The user office on the embedded H2 catalogue. */
class H2UserOfficeTest extends UserOfficeContract {

    @TempDir
    Path dir;

    @Override
    String emptyDatabase() throws Exception {
        return "jdbc:h2:file:" + Files.createTempDirectory(dir, "catalog").resolve("datastamp");
    }
}
