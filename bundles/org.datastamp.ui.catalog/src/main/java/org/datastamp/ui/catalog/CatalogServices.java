package org.datastamp.ui.catalog;

import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.analytics.api.NotebookLauncher;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;

/**
 * The services the datasets view reads, each supplier giving {@code null} while its service is missing, and the
 * two reads that combine them: who the session's user is to the access rule, and a dataset with its directory
 * records. Called on the view's background thread only.
 */
record CatalogServices(Catalog catalog, Supplier<DatasetSearch> search, Supplier<FacilityDirectory> directory,
        Supplier<ScanService> scans, Supplier<NotebookLauncher> notebooks) {

    /**
     * The viewer for a signed-in user name (empty: anonymous). Without a directory the user's rights are unknown,
     * so they see what an anonymous visitor sees, never more.
     */
    Viewer viewer(String user) throws CatalogException {
        FacilityDirectory current = directory.get();
        if (user.isEmpty() || current == null) {
            return Viewer.anonymous();
        }
        return current.viewer(user);
    }

    /**
     * The dataset if the viewer may see it, with its publications, and its proposal, session and sample where the
     * directory has them.
     */
    Optional<DatasetDetail> detail(DatasetId id, Viewer viewer) throws CatalogException {
        Optional<Dataset> dataset = catalog.find(id, viewer);
        if (dataset.isEmpty()) {
            return Optional.empty();
        }
        var publications = catalog.publications(id);
        FacilityDirectory current = directory.get();
        if (current == null) {
            return Optional.of(new DatasetDetail(dataset.get(), Optional.empty(), Optional.empty(), Optional.empty(),
                    publications));
        }
        var content = dataset.get().content();
        return Optional.of(new DatasetDetail(dataset.get(),
                content.proposalId().isEmpty() ? Optional.empty() : current.proposal(content.proposalId()),
                content.sessionId().isEmpty() ? Optional.empty() : current.session(content.sessionId()),
                content.sampleId().isEmpty() ? Optional.empty() : current.sample(content.sampleId()), publications));
    }
}
