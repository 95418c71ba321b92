package org.datastamp.metadata.nexus;

import static org.datastamp.metadata.nexus.Quantity.angle;
import static org.datastamp.metadata.nexus.Quantity.energy;
import static org.datastamp.metadata.nexus.Quantity.length;
import static org.datastamp.metadata.nexus.Requirement.allOrNone;
import static org.datastamp.metadata.nexus.Requirement.oneOf;
import static org.datastamp.metadata.nexus.Requirement.required;

import java.util.List;

import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.metadata.api.MetadataSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * NXmx (macromolecular crystallography): beam/incident_wavelength, detector/distance, the beam centre, the pixel size
 * (detector_module fast/slow_pixel_direction), detector/sensor_thickness and, for a rotation scan, the goniometer's
 * omega start and increment (sample transformations omega, omega_increment_set). A still (serial) data set records
 * no omega; one that records either must record both.
 */
@Component(service = MetadataSchema.class)
public class NxmxSchema extends NexusSchema {

    static final DefinitionCheck CHECK = new DefinitionCheck("NXmx", List.of(
            oneOf(length("wavelength"), energy("beam_energy")),
            required(length("sample_detector_distance")),
            required(length("beam_center_x")),
            required(length("beam_center_y")),
            required(length("x_pixel_size")),
            required(length("y_pixel_size")),
            required(length("sensor_thickness")),
            allOrNone(angle("omega_start"), angle("omega_increment"))));

    @Activate
    public NxmxSchema(@Reference UnitConverter units) {
        super(CHECK, units);
    }

    @Override
    public String definition() {
        return "NXmx";
    }

    @Override
    public String capabilityId() {
        return "nexus-nxmx";
    }

    @Override
    public String displayName() {
        return "NeXus NXmx (macromolecular crystallography)";
    }
}
