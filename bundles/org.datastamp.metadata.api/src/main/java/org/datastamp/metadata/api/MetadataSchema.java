package org.datastamp.metadata.api;

import java.util.List;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.core.api.Capability;

/**
 * Checks a scan's recorded metadata against one NeXus application definition (e.g. NXsas requires the wavelength,
 * the sample-detector distance and the beam centre). One service per definition; the scan service runs the one
 * its beamline's configuration names and records the violations on the dataset.
 */
public interface MetadataSchema extends Capability {

    /** The definition checked, e.g. {@code NXsas}; matches {@link MetadataConfiguration#definition()}. */
    String definition();

    /** Every violation found in the scan's metadata; empty when it satisfies the definition. */
    List<SchemaViolation> validate(List<MetadataEntry> recorded);
}
