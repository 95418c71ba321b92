package org.datastamp.metadata.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a beamline records with every scan.
 *
 * @param instrument the beamline's instrument id in the catalogue, e.g. {@code CoSAXS}
 * @param definition the NeXus application definition its scans must satisfy (e.g. {@code NXsas}, {@code NXmx}),
 *                   checked by the {@link MetadataSchema} of that name; empty for none
 * @param variables  the rows, in recording order
 */
public record MetadataConfiguration(String instrument, String definition, List<ConfiguredVariable> variables) {
    public MetadataConfiguration {
        if (instrument == null || !instrument.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("An instrument id holds letters, digits, '_', '.' and '-', got '"
                    + instrument + "'");
        }
        definition = definition == null ? "" : definition;
        variables = List.copyOf(Objects.requireNonNull(variables, "variables"));
        Set<String> names = new HashSet<>();
        for (ConfiguredVariable row : variables) {
            if (!names.add(row.variable().name())) {
                throw new IllegalArgumentException("Metadata configuration of " + instrument + " names '"
                        + row.variable().name() + "' twice");
            }
        }
    }

    /** A beamline that records nothing yet. */
    public static MetadataConfiguration empty(String instrument) {
        return new MetadataConfiguration(instrument, "", List.of());
    }
}
