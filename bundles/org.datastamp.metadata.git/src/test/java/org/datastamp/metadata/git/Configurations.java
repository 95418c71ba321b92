package org.datastamp.metadata.git;

import java.util.List;

import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.MetadataConfiguration;

/** Test configurations and the CSV format with the real unit converter. */
final class Configurations {

    private static final IndriyaUnitConverter UNITS = new IndriyaUnitConverter();

    private Configurations() {
    }

    static ConfigurationCsv csv() {
        return new ConfigurationCsv(unit -> GitMetadataConfigurations.problem(UNITS, unit));
    }

    static ConfiguredVariable row(String name, String unit, Double min, Double max, int order) {
        return new ConfiguredVariable(new ControlVariable("beam", name, "b311a/ctl/" + name, "Value", unit, min, max,
                order), true);
    }

    /** CoSAXS recording the wavelength with the given upper limit, and the sample temperature. */
    static MetadataConfiguration cosaxs(double maxWavelength) {
        return new MetadataConfiguration("CoSAXS", "NXsas", List.of(row("wavelength", "nm", 0.05, maxWavelength, 1),
                row("sample_temperature", "K", 4.0, 400.0, 2)));
    }
}
