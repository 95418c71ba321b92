package org.datastamp.acquisition.scan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.MetadataSchema;
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

    /** The streaming HDF5 writer; empty means the built-in jhdf writer (whole scan in memory) is used. */
    Optional<ScanFileWriter> scanFileWriter();

    /** The beamlines' metadata configurations; empty means every variable of every control system is recorded. */
    Optional<MetadataConfigurations> metadataConfigurations();

    /** The schema plugins, one per application definition. */
    List<MetadataSchema> schemas();

    /** Where the writer offers every frame for live viewers. */
    LiveTap liveTap();
}
