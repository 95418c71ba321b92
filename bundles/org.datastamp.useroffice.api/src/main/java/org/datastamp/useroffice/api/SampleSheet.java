package org.datastamp.useroffice.api;

import java.util.Objects;

import org.datastamp.catalog.api.Sample;

/**
 * A sample as the user office registers it: the catalogue's sample (id, name, proposal; datasets link to it) with
 * its composition and safety information.
 *
 * @param sample      the catalogue's sample; it must name its proposal
 * @param composition e.g. {@code lysozyme 50 mg/ml in 50 mM NaAc pH 4.5}
 * @param hazard      hazard class
 * @param safety      handling and safety notes, required unless the hazard is NONE
 */
public record SampleSheet(Sample sample, String composition, Hazard hazard, String safety) {

    public SampleSheet {
        Objects.requireNonNull(sample, "sample");
        if (sample.proposalId().isEmpty()) {
            throw new IllegalArgumentException("Sample '" + sample.id() + "' must name its proposal");
        }
        if (composition == null || composition.isBlank()) {
            throw new IllegalArgumentException("Sample '" + sample.id() + "' needs its composition");
        }
        Objects.requireNonNull(hazard, "hazard");
        safety = safety == null ? "" : safety;
        if (hazard != Hazard.NONE && safety.isBlank()) {
            throw new IllegalArgumentException("Sample '" + sample.id() + "' is hazard " + hazard
                    + ": describe its safety precautions");
        }
    }
}
