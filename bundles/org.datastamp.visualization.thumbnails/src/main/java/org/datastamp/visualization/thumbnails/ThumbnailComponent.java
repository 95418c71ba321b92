package org.datastamp.visualization.thumbnails;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.ScanThumbnails;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.VisualizationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logbook's scan thumbnails, drawn from the dataset's first NeXus/HDF5 file ({@link ThumbnailDrawing}). Every
 * request looks the dataset up with the asking viewer, so the catalogue's access rule decides; drawn images are then
 * kept per dataset and size (files of a catalogued dataset do not change). A file that is only on tape gives no
 * thumbnail and starts no recall.
 */
@Component(service = ScanThumbnails.class, configurationPid = ThumbnailComponent.PID)
@Designate(ocd = ThumbnailComponent.Config.class)
public class ThumbnailComponent implements ScanThumbnails {

    static final String PID = "org.datastamp.visualization.thumbnails";

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP scan thumbnails",
            description = "Small images of each scan's NeXus default plot for the logbook's overview")
    public @interface Config {

        @AttributeDefinition(description = "Thumbnails kept in memory (dataset and size); the least recently used"
                + " goes first")
        int cacheEntries() default 2000;

        @AttributeDefinition(description = "Largest side of a thumbnail, in pixels; larger requests get this size")
        int maxPixels() default 256;
    }

    private final Catalog catalog;
    private final DataFileReader reader;
    private final ArrayRenderer renderer;
    private final DatasetFileLocator files;
    private final int maxPixels;
    /** Drawn thumbnails and definite "nothing to draw" answers; access-ordered, so the eldest is least recently used. */
    private final Map<String, Optional<byte[]>> drawn;

    @Activate
    public ThumbnailComponent(Config config, @Reference Catalog catalog, @Reference DataFileReader reader,
            @Reference ArrayRenderer renderer, @Reference DatasetFileLocator files) {
        this.catalog = catalog;
        this.reader = reader;
        this.renderer = renderer;
        this.files = files;
        this.maxPixels = Math.max(1, config.maxPixels());
        int entries = Math.max(1, config.cacheEntries());
        this.drawn = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<byte[]>> eldest) {
                return size() > entries;
            }
        };
    }

    @Override
    public Optional<byte[]> png(String datasetId, Viewer viewer, int size) {
        if (size <= 0) {
            return Optional.empty();
        }
        Optional<Dataset> dataset = visible(datasetId, viewer);
        if (dataset.isEmpty()) {
            return Optional.empty();
        }
        String key = datasetId + "@" + Math.min(size, maxPixels);
        Optional<byte[]> known;
        synchronized (drawn) {
            known = drawn.get(key);
        }
        if (known == null) {
            Optional<Optional<byte[]>> made = draw(dataset.get(), Math.min(size, maxPixels));
            if (made.isEmpty()) {
                return Optional.empty();
            }
            known = made.get();
            synchronized (drawn) {
                drawn.put(key, known);
            }
        }
        return known.map(byte[]::clone);
    }

    private Optional<Dataset> visible(String datasetId, Viewer viewer) {
        try {
            return datasetId.isBlank() ? Optional.empty() : catalog.find(new DatasetId(datasetId), viewer);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a dataset id: nothing to show
        } catch (CatalogException e) {
            LOG.warn("No thumbnail of dataset {}: the catalogue failed: {}", datasetId, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The thumbnail, or a definite "nothing to draw" (no NeXus/HDF5 file, no default plot, no values, unreadable
     * file), both worth keeping; empty when the answer may change (file offline or storage failing now).
     */
    private Optional<Optional<byte[]>> draw(Dataset dataset, int size) {
        String id = dataset.id().value();
        Optional<String> file = dataset.content().files().stream().map(Datafile::path)
                .filter(ThumbnailComponent::isHdf5).findFirst();
        if (file.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            Optional<Path> local = files.readableNow(dataset, file.get());
            if (local.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ThumbnailDrawing.draw(reader, renderer, local.get(), size));
        } catch (DataUnavailableException e) {
            LOG.warn("No thumbnail of dataset {} now: {}", id, e.getMessage());
            return Optional.empty();
        } catch (VisualizationException | RuntimeException e) {
            LOG.warn("No thumbnail of dataset {} from {}: {}", id, file.get(), e.getMessage());
            return Optional.of(Optional.empty());
        }
    }

    static boolean isHdf5(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".nxs") || name.endsWith(".nx5") || name.endsWith(".h5") || name.endsWith(".hdf5")
                || name.endsWith(".hdf") || name.endsWith(".nx");
    }
}
