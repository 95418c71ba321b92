package org.datastamp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void unsetOrBlankPropertyFallsBackToVarDatastampUnderTheWorkingDirectory() {
        Path expected = Path.of("var/datastamp").toAbsolutePath().normalize();
        assertEquals(expected, DataDirectory.fromProperty(null).root());
        assertEquals(expected, DataDirectory.fromProperty("  ").root());
    }

    @Test
    void subFoldersFollowTheSharedLayout() {
        DataDirectory dir = DataDirectory.fromProperty("/srv/datastamp/../data");
        assertEquals(Path.of("/srv/data"), dir.root());
        assertEquals(Path.of("/srv/data/catalog"), dir.catalog());
        assertEquals(Path.of("/srv/data/hot"), dir.hot());
        assertEquals(Path.of("/srv/data/staging"), dir.staging());
    }
}
