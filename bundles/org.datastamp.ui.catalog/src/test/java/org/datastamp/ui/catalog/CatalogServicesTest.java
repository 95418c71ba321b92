package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;

class CatalogServicesTest {

    private static final Viewer ANN = new Viewer("ann", Set.of("20240123"), Set.of(), false);

    /** A directory that knows ann and proposal 20240123; other calls fail the test. */
    private final FacilityDirectory directory = (FacilityDirectory) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {FacilityDirectory.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "viewer" -> args[0].equals("ann") ? ANN : Viewer.anonymous();
                        case "proposal" -> Optional.of(new Proposal("20240123", "Folding", "", "pi", Set.of(), null));
                        case "session", "sample" -> Optional.empty();
                        default -> throw new AssertionError("unexpected " + method.getName());
                    });

    /** A catalogue holding one dataset of proposal 20240123, visible to its members only, cited by one paper. */
    private final Catalog catalog = (Catalog) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Catalog.class}, (proxy, method, args) -> {
                if (method.getName().equals("publications")) {
                    return List.of(new Publication("10.5555/paper", "Folding fast", List.of("pi"), 2025,
                            List.of((DatasetId) args[0])));
                }
                if (!method.getName().equals("find")) {
                    throw new AssertionError("unexpected " + method.getName());
                }
                Viewer viewer = (Viewer) args[1];
                return viewer.proposals().contains("20240123") ? Optional.of(withProposal()) : Optional.empty();
            });

    private static Dataset withProposal() {
        var base = FormatsTest.dataset("ds-1", "T");
        var c = base.content();
        var content = new NewDataset(c.title(), c.type(), c.instrument(), c.sampleName(),
                c.location(), c.startTime(), c.endTime(), c.files(), c.metadata(), "", "20240123", "", "", "", null,
                null);
        return new Dataset(base.id(), base.created(), content, base.lifecycle(),
                base.access(), "");
    }

    @Test
    void aSignedInUserGetsTheirViewerAndAnonymousOrNoDirectoryGetsTheAnonymousOne() throws CatalogException {
        CatalogServices services = new CatalogServices(catalog, () -> null, () -> directory, () -> null,
                () -> null);
        CatalogServices noDirectory = new CatalogServices(catalog, () -> null, () -> null, () -> null, () -> null);

        assertEquals(ANN, services.viewer("ann"));
        assertEquals(Viewer.anonymous(), services.viewer(""));
        assertEquals(Viewer.anonymous(), noDirectory.viewer("ann"));
    }

    @Test
    void detailIsOnlyForViewersWhoMaySeeItAndNamesTheProposal() throws CatalogException {
        CatalogServices services = new CatalogServices(catalog, () -> null, () -> directory, () -> null,
                () -> null);
        var id = new DatasetId("ds-1");

        assertEquals(Optional.empty(), services.detail(id, Viewer.anonymous()));
        DatasetDetail detail = services.detail(id, ANN).orElseThrow();
        assertEquals("Folding", detail.proposal().orElseThrow().title());
        assertEquals(List.of("10.5555/paper"), detail.publications().stream().map(Publication::doi).toList());
    }
}
