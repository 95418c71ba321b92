package org.datastamp.acquisition.scan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.storage.api.StorageBackend;

/**
 * The services a scan needs, looked up at the moment they are needed because plugins come and go. The DS
 * component answers from its references; tests answer with plain objects.
 */
interface ScanResources {

    Optional<DetectorDriver> detector(String id);

    /** Ids of the detectors available now, for error messages. */
    Collection<String> detectorIds();

    List<ControlSystemConnector> controlSystems();

    /** The storage tier raw data goes to. */
    Optional<StorageBackend> storage();

    Optional<Catalog> catalog();
}
