package org.datastamp.logbook.jdbc;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.api.ScanThumbnails;
import org.datastamp.storage.api.ArchivalPreparation;
import org.datastamp.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The logbook service on the catalogue's database (the DataSource the catalogue registers; decision 0025). It is
 * also the storage lifecycle's archival preparation: a dataset about to be archived gets its session's logbook
 * export attached, so the archival package holds the notes (decision 0033).
 */
@Component(service = {Logbook.class, ArchivalPreparation.class}, configurationPid = LogbookComponent.PID)
@Designate(ocd = LogbookComponent.Config.class)
public class LogbookComponent extends JdbcLogbook implements ArchivalPreparation {

    static final String PID = "org.datastamp.logbook.jdbc";

    @ObjectClassDefinition(name = "DataSTaMP logbook", description = "Notes, comments, images and ratings per session")
    public @interface Config {

        @AttributeDefinition(description = "Largest image accepted, in megabytes")
        int maxImageMegabytes() default 10;

        @AttributeDefinition(description = "Longest side of an image's thumbnail, in pixels")
        int thumbnailPixels() default 256;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanThumbnails thumbnails;

    @Activate
    public LogbookComponent(Config config,
            @Reference(target = "(datastamp.database=catalog)") DataSource dataSource,
            @Reference Catalog catalog, @Reference FacilityDirectory directory) {
        this(config, dataSource, catalog, directory, new ThumbnailHolder());
    }

    private LogbookComponent(Config config, DataSource dataSource, Catalog catalog, FacilityDirectory directory,
            ThumbnailHolder holder) {
        super(dataSource, catalog, directory, new ImageCheck(config.maxImageMegabytes() * 1024L * 1024L,
                config.thumbnailPixels()), Clock.systemUTC(), holder);
        holder.owner = this;
    }

    @Override
    public void beforeArchival(String datasetId) throws StorageException {
        try {
            attachToDataset(datasetId);
        } catch (LogbookException e) {
            throw new StorageException("The logbook export could not be attached to dataset " + datasetId
                    + " before its archival: " + e.getMessage(), e);
        }
    }

    /** Reads the dynamic reference after construction (a constructor cannot pass {@code this} to super). */
    private static final class ThumbnailHolder implements java.util.function.Supplier<Optional<ScanThumbnails>> {
        private LogbookComponent owner;

        @Override
        public Optional<ScanThumbnails> get() {
            return owner == null ? Optional.empty() : Optional.ofNullable(owner.thumbnails);
        }
    }
}
