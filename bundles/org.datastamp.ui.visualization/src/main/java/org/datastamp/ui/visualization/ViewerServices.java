package org.datastamp.ui.visualization;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;
import org.datastamp.visualization.api.VisualizationException;

/**
 * The services the viewer uses, each supplier giving {@code null} while its service is missing, and opening a
 * dataset's file with the access rule of the session's user. Called on the views' background threads only.
 */
record ViewerServices(Catalog catalog, Supplier<FacilityDirectory> directory, Supplier<DataFileReader> reader,
        Supplier<ArrayRenderer> renderer, Supplier<DatasetFileLocator> locator, Supplier<LiveFrames> live) {

    /** A file the viewer may read, where it is now, and the other files of its dataset. */
    record OpenedFile(Dataset dataset, String file, List<String> files, FileLocation location) {
    }

    /**
     * The viewer for a signed-in user name (empty: anonymous). Without a directory the user's rights are unknown,
     * so they see what an anonymous visitor sees, never more.
     */
    Viewer viewer(String user) throws CatalogException {
        FacilityDirectory current = directory.get();
        return user.isEmpty() || current == null ? Viewer.anonymous() : current.viewer(user);
    }

    /**
     * Finds {@code file} of dataset {@code id} (empty: its first HDF5/NeXus file) on storage, if the user may see the
     * dataset; a file on tape comes back as a recall in progress.
     *
     * @throws VisualizationException with a message for the user: unknown or hidden dataset, no such file, storage
     *                                unavailable
     */
    OpenedFile open(String user, String id, String file) throws VisualizationException {
        Optional<Dataset> found;
        try {
            found = require(catalog, "catalogue").find(new DatasetId(id.trim()), viewer(user));
        } catch (IllegalArgumentException e) {
            throw new VisualizationException("'" + id + "' is not a dataset id: " + e.getMessage());
        } catch (CatalogException e) {
            throw new VisualizationException("The catalogue could not be read: " + e.getMessage(), e);
        }
        Dataset dataset = found.orElseThrow(() -> new VisualizationException("No dataset '" + id.trim()
                + "' that you may see" + (user.isEmpty() ? "; sign in to see embargoed data" : "")));
        List<String> files = dataset.content().files().stream().map(Datafile::path).toList();
        String chosen = file.isEmpty() ? files.stream().filter(ViewerServices::isHdf5).findFirst().orElseThrow(
                () -> new VisualizationException("Dataset " + dataset.id().value() + " has no HDF5/NeXus file"))
                : file;
        if (!files.contains(chosen)) {
            throw new VisualizationException("Dataset " + dataset.id().value() + " has no file '" + chosen + "'");
        }
        FileLocation location = require(locator.get(), "file locator").locate(dataset, chosen);
        return new OpenedFile(dataset, chosen, files, location);
    }

    static boolean isHdf5(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".nxs") || p.endsWith(".h5") || p.endsWith(".hdf5") || p.endsWith(".hdf")
                || p.endsWith(".nx5");
    }

    static <T> T require(T service, String what) throws VisualizationException {
        if (service == null) {
            throw new VisualizationException("The " + what + " is not running; ask an administrator to start it");
        }
        return service;
    }
}
