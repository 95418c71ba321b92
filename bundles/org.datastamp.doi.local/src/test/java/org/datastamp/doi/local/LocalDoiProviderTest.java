package org.datastamp.doi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.Rights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDoiProviderTest {

    @TempDir
    Path dir;

    private static DoiMetadata metadata(String url) {
        return new DoiMetadata(List.of(new Creator("Doe, Jane", "Jane", "Doe", "", List.of())), "Data", "Facility", "",
                2026, "", List.of(), List.of(), List.of(), Rights.ccBy4(), url);
    }

    private LocalDoiProvider provider() throws IOException {
        return new LocalDoiProvider("10.80000", "local-doi", "Local", dir.resolve("doi/local-dois.properties"));
    }

    @Test
    void registeredDoisAreRememberedAcrossRestarts() throws Exception {
        Doi doi = new Doi("10.80000/facility.dr-1");
        provider().register(doi, metadata("http://localhost:8080/doi/10.80000/facility.dr-1"));

        assertEquals(Optional.of("http://localhost:8080/doi/10.80000/facility.dr-1"), provider().resolve(doi));
        provider().update(doi, metadata("http://portal/doi/10.80000/facility.dr-1"));
        assertEquals(Optional.of("http://portal/doi/10.80000/facility.dr-1"), provider().resolve(doi));
    }

    @Test
    void registeringTwiceIsHarmless() throws Exception {
        Doi doi = new Doi("10.80000/x");
        LocalDoiProvider provider = provider();
        provider.register(doi, metadata("http://a"));
        provider.register(doi, metadata("http://a"));
        assertEquals(Optional.of("http://a"), provider.resolve(doi));
    }

    @Test
    void doisOutsideTheTestPrefixAndUnknownUpdatesAreRefused() throws Exception {
        DoiException other = assertThrows(DoiException.class,
                () -> provider().register(new Doi("10.5555/x"), metadata("http://a")));
        assertTrue(other.getMessage().contains("10.80000"), other.getMessage());
        DoiException unknown = assertThrows(DoiException.class,
                () -> provider().update(new Doi("10.80000/never"), metadata("http://a")));
        assertTrue(unknown.getMessage().contains("never registered"), unknown.getMessage());
    }

    @Test
    void aPrefixThatIsNotOneIsRefusedAtConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LocalDoiProvider("5072", "l", "L", dir.resolve("f")));
        assertTrue(e.getMessage().contains("not a DOI prefix"), e.getMessage());
    }
}
