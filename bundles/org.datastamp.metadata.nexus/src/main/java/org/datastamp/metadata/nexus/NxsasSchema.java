package org.datastamp.metadata.nexus;

import static org.datastamp.metadata.nexus.Quantity.energy;
import static org.datastamp.metadata.nexus.Quantity.length;
import static org.datastamp.metadata.nexus.Requirement.oneOf;
import static org.datastamp.metadata.nexus.Requirement.required;

import java.util.List;

import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.metadata.api.MetadataSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * NXsas (raw monochromatic 2-D small-angle scattering): the fields of the definition a SAS reduction needs from the
 * control system, i.e. monochromator/wavelength, detector/distance, detector/beam_center_x|y and
 * detector/x|y_pixel_size, under flat metadata names (see docs/metadata-configuration.md).
 */
@Component(service = MetadataSchema.class)
public class NxsasSchema extends NexusSchema {

    static final DefinitionCheck CHECK = new DefinitionCheck("NXsas", List.of(
            oneOf(length("wavelength"), energy("beam_energy")),
            required(length("sample_detector_distance")),
            required(length("beam_center_x")),
            required(length("beam_center_y")),
            required(length("x_pixel_size")),
            required(length("y_pixel_size"))));

    @Activate
    public NxsasSchema(@Reference UnitConverter units) {
        super(CHECK, units);
    }

    @Override
    public String definition() {
        return "NXsas";
    }

    @Override
    public String capabilityId() {
        return "nexus-nxsas";
    }

    @Override
    public String displayName() {
        return "NeXus NXsas (small-angle scattering)";
    }
}
