package org.datastamp.catalog.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.datastamp.catalog.api.CatalogException;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue on an embedded H2 file database, as the product runs it by default. */
class H2CatalogTest extends CatalogContract {

    @TempDir
    Path dir;

    @Override
    DataSource emptyDatabase() throws CatalogException, java.io.IOException {
        Path folder = Files.createTempDirectory(dir, "catalog");
        // The product's settings (lock timeout, commits written at once), not H2's defaults
        return CatalogComponent.dataSource(CatalogComponent.h2Url(folder.resolve("datastamp")), "datastamp", "");
    }
}
