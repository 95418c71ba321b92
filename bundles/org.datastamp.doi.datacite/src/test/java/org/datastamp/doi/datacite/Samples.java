package org.datastamp.doi.datacite;

import java.util.List;

import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DateType;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Rights;
import org.datastamp.doi.api.Subject;

/** Metadata of published data as the minting workflow fills it in from the catalogue. */
final class Samples {

    static final Affiliation MAX_IV = new Affiliation("MAX IV Laboratory", "https://ror.org/05wv2vq37");

    private Samples() {
    }

    /** Two creators with ORCID and ROR, a technique subject, collection dates, a publication, CC BY. */
    static DoiMetadata saxsSeries() {
        return new DoiMetadata(List.of(
                new Creator("Doe, Jane", "Jane", "Doe", "0000-0002-1825-0097", List.of(MAX_IV)),
                new Creator("Svensson, Lars", "Lars", "Svensson", "", List.of(new Affiliation("Lund University",
                        "https://ror.org/012a77v79"), MAX_IV))),
                "SAXS of lysozyme at 290-320 K", "MAX IV Laboratory", "https://ror.org/05wv2vq37", 2026,
                "Temperature series of lysozyme in buffer, CoSAXS beamline.",
                List.of(new Subject("small angle x-ray scattering", "PaNET",
                        "http://purl.org/pan-science/PaNET/PaNET01188"), Subject.keyword("protein")),
                List.of(new DoiDate("2026-03-01T08:00:00Z/2026-03-02T10:30:00Z", DateType.COLLECTED),
                        new DoiDate("2026-11-25", DateType.AVAILABLE)),
                List.of(new RelatedIdentifier("10.1107/S1600577520000000", "DOI", "IsSupplementTo"),
                        new RelatedIdentifier("https://data.example.org/datasets/ds-17", "URL", "IsDerivedFrom")),
                Rights.ccBy4(), "https://data.example.org/doi/10.80512/maxiv.dr-1");
    }

    /** The least DataCite accepts: one organisational creator, no optional properties. */
    static DoiMetadata minimal() {
        return new DoiMetadata(List.of(new Creator("CoSAXS beamline team", "", "", "", List.of())),
                "Commissioning data", "MAX IV Laboratory", "", 2025, "", List.of(), List.of(), List.of(),
                new Rights("All rights reserved", "", ""), "https://data.example.org/doi/10.80512/maxiv.dr-2");
    }

    /** Text full of markup characters, which must stay text. */
    static DoiMetadata markup() {
        return new DoiMetadata(List.of(new Creator("O'Brien & <Sons>", "Pat", "O'Brien & <Sons>", "", List.of(
                new Affiliation("\"Quoted\" <Institute> & Co", "")))), "Ratio < 1 & > 0 \"quoted\" </title>",
                "MAX IV", "", 2026, "<script>alert(1)</script>", List.of(Subject.keyword("a&b")), List.of(),
                List.of(), Rights.ccBy4(), "https://data.example.org/doi/10.80512/x");
    }
}
