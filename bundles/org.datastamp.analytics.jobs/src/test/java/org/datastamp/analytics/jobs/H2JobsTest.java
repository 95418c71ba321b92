package org.datastamp.analytics.jobs;

import java.nio.file.Files;

/** The job service on the embedded H2 catalogue. */
class H2JobsTest extends JobsContract {

    @Override
    String emptyDatabase() throws Exception {
        return "jdbc:h2:file:" + Files.createTempDirectory(dir, "catalog").resolve("datastamp");
    }
}
