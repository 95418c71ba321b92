package org.datastamp.visualization.render;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link DatasetFileLocator} service over the storage tiers running now; tiers may come and go. */
@Component(service = DatasetFileLocator.class)
public class TierFileLocatorComponent implements DatasetFileLocator {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final Collection<StorageBackend> backends = new CopyOnWriteArrayList<>();

    private final TierFileLocator locator = new TierFileLocator(() -> backends);

    @Override
    public FileLocation locate(Dataset dataset, String path) throws DataUnavailableException {
        return locator.locate(dataset, path);
    }

    @Override
    public Optional<Path> readableNow(Dataset dataset, String path) throws DataUnavailableException {
        return locator.readableNow(dataset, path);
    }
}
