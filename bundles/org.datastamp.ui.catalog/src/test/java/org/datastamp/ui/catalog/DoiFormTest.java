package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DateType;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.Rights;
import org.datastamp.doi.api.Subject;
import org.junit.jupiter.api.Test;

class DoiFormTest {

    private static final DoiMetadata PROPOSED = new DoiMetadata(List.of(
            new Creator("Investigator, Pia", "Pia", "Investigator", "0000-0002-1825-0097",
                    List.of(new Affiliation("MAX IV Laboratory", "https://ror.org/05wv2vq37"))),
            new Creator("CoSAXS team", "", "", "", List.of())), "Protein folding: 2 datasets", "MAX IV Laboratory",
            "https://ror.org/05wv2vq37", 2026, "We fold.", List.of(new Subject("SAXS", "technique", "")),
            List.of(new DoiDate("2026-03-01", DateType.COLLECTED)), List.of(), Rights.ccBy4(), "");

    @Test
    void theFormShowsTheProposalAndGivesItBackUnchanged() {
        DoiForm form = DoiForm.of(List.of(new DatasetId("ds-1"), new DatasetId("ds-2")), PROPOSED);

        assertEquals("ds-1, ds-2", form.datasets());
        assertEquals("Investigator, Pia | 0000-0002-1825-0097 | MAX IV Laboratory | https://ror.org/05wv2vq37\n"
                + "CoSAXS team", form.creators());
        assertEquals(PROPOSED, form.apply(PROPOSED));
        assertEquals(List.of(new DatasetId("ds-1"), new DatasetId("ds-2")), DoiForm.datasetIds(form.datasets()));
    }

    @Test
    void editedTextsReplaceTheProposalsAndHiddenPropertiesAreKept() {
        DoiForm edited = new DoiForm("ds-1", " New title ", "Doe, Jane | | Lund University\nInvestigator, Pia",
                "Better words.", "SAXS, lysozyme", "2027");

        DoiMetadata m = edited.apply(PROPOSED);

        assertEquals("New title", m.title());
        assertEquals(List.of("Doe, Jane", "Investigator, Pia"), m.creators().stream().map(Creator::name).toList());
        assertEquals("Jane", m.creators().get(0).givenName());
        assertEquals("Lund University", m.creators().get(0).affiliations().get(0).name());
        assertEquals(new Subject("SAXS", "technique", ""), m.subjects().get(0), "scheme kept");
        assertEquals(Subject.keyword("lysozyme"), m.subjects().get(1));
        assertEquals(2027, m.publicationYear());
        assertEquals(PROPOSED.dates(), m.dates());
        assertEquals(PROPOSED.publisherRor(), m.publisherRor());
    }

    @Test
    void mistakesAreNamedByField() {
        IllegalArgumentException orcid = assertThrows(IllegalArgumentException.class, () -> new DoiForm("ds-1", "T",
                "A, B\nDoe, Jane | 1234", "", "", "2026").apply(PROPOSED));
        assertTrue(orcid.getMessage().startsWith("Creators, line 2: ") && orcid.getMessage().contains("ORCID"),
                orcid.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DoiForm("ds-1", "T", "A, B", "", "",
                "next year").apply(PROPOSED)).getMessage().startsWith("Year:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DoiForm.datasetIds(" , "))
                .getMessage().startsWith("Datasets:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DoiForm("ds-1", "T", "", "", "", "2026")
                .apply(PROPOSED)).getMessage().startsWith("Creators:"));
    }
}
