package org.datastamp.analytics.jupyterhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.datastamp.catalog.api.Dataset;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StarterNotebookTest {

    private final Dataset published = TestData.dataset("ds-1", "P1", "10.80512/ds-1", "scan.nxs");

    @Test
    void theNotebookIsValidNbformat4WithAPython3Kernel() {
        ObjectNode notebook = StarterNotebook.generate(published, List.of("/mnt/datastamp/raw/scan.nxs"));

        assertEquals(List.of(), NotebookSchema.errors(notebook));
        assertEquals(4, notebook.get("nbformat").intValue());
        assertEquals("python3", notebook.at("/metadata/kernelspec/name").textValue());
        assertEquals(List.of("markdown", "code", "code"),
                notebook.get("cells").findValuesAsText("cell_type"));
    }

    @Test
    void theSchemaCheckRejectsABrokenNotebook() {
        ObjectNode broken = StarterNotebook.generate(published, List.of());
        broken.remove("nbformat");
        ((ObjectNode) broken.get("cells").get(1)).remove("outputs");
        List<String> errors = NotebookSchema.errors(broken);
        assertTrue(errors.contains("$: required property 'nbformat' not found"), errors::toString);
        assertTrue(errors.contains("$.cells[1]: required property 'outputs' not found"), errors::toString);
    }

    @Test
    void theFirstCellSaysWhatTheDataIsAndHowToCiteIt() {
        String about = source(StarterNotebook.generate(published, List.of("/mnt/a.nxs")), 0);
        assertTrue(about.startsWith("# Lysozyme SAXS, 20 mg/ml\n"), about);
        assertTrue(about.contains("Dataset `ds-1`, raw data from **CoSAXS**, proposal P1"), about);
        assertTrue(about.contains("measured 2026-03-02 09:30 UTC to 2026-03-02 09:40 UTC; sample lysozyme"), about);
        assertTrue(about.contains("Lysozyme SAXS, 20 mg/ml (CoSAXS, 2026). https://doi.org/10.80512/ds-1"), about);

        String unpublished = source(StarterNotebook.generate(TestData.dataset("ds-2", "P1", "", "a.h5"),
                List.of("/mnt/a.h5")), 0);
        assertTrue(unpublished.contains("has no DOI yet; cite it by its id `ds-2`"), unpublished);
    }

    @Test
    void theCodeOpensEachFileReadOnlyAndPlotsTheNexusDefault() {
        ObjectNode notebook = StarterNotebook.generate(published, List.of("/mnt/datastamp/a \"b\".nxs"));
        String helpers = source(notebook, 1);
        assertTrue(helpers.contains("h5py.File(path, \"r\")"), helpers);
        assertTrue(helpers.contains("f.attrs[\"default\"]"), helpers);
        assertTrue(helpers.contains("data.attrs[\"signal\"]"), helpers);
        assertTrue(helpers.contains("imshow"), helpers);
        String files = source(notebook, 2);
        assertTrue(files.contains("\"/mnt/datastamp/a \\\"b\\\".nxs\""), files);
        assertFalse(files.endsWith("\n"));
    }

    @Test
    void onlyHdf5FilesAreOpened() {
        assertTrue(StarterNotebook.isHdf5("detector/frames_000.H5"));
        assertTrue(StarterNotebook.isHdf5("scan.nxs"));
        assertFalse(StarterNotebook.isHdf5("scan.log"));
    }

    private static String source(JsonNode notebook, int cell) {
        StringBuilder s = new StringBuilder();
        notebook.get("cells").get(cell).get("source").forEach(line -> s.append(line.textValue()));
        return s.toString();
    }
}
