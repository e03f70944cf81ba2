package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Test;

class PasteCellModelTest {
    private static final GraphDocument IMPORTED = EditorModel.emptyDocument();

    private final CellImporter refusing = (source, name) -> {
        throw new CellImportException(List.of(
                new CellImportException.Problem(2, "torch.nn.Conv2d is not supported"),
                new CellImportException.Problem(5, "while loops are not supported")));
    };

    @Test
    void importedCellIsReturnedWithNoProblems() {
        String[] name = new String[1];
        PasteCellModel model = new PasteCellModel((source, n) -> {
            name[0] = n;
            return IMPORTED;
        }, "x = torch.ones(5)");

        assertEquals(Optional.of(IMPORTED), model.tryImport());
        assertEquals(List.of(), model.problems());
        assertEquals(PasteCellModel.PASTED_NAME, name[0]);
    }

    @Test
    void refusedCellListsEachProblemWithItsLineNumber() {
        PasteCellModel model = new PasteCellModel(refusing, "import torch\nc = torch.nn.Conv2d(1, 1, 3)\n");

        assertEquals(Optional.empty(), model.tryImport());

        assertEquals(List.of("line 2: torch.nn.Conv2d is not supported", "line 5: while loops are not supported"),
                model.problems());
        assertTrue(model.refusedProperty().get());
    }

    @Test
    void editingTheSourceClearsTheProblems() {
        PasteCellModel model = new PasteCellModel(refusing, "c = 1");
        model.tryImport();

        model.sourceProperty().set("c = 2");

        assertEquals(List.of(), model.problems());
        assertFalse(model.refusedProperty().get());
    }

    @Test
    void blankSourceAsksForACellWithoutCallingTheImporter() {
        PasteCellModel model = new PasteCellModel((s, n) -> {
            throw new AssertionError("importer called");
        }, "  \n");

        assertEquals(Optional.empty(), model.tryImport());
        assertEquals(List.of("Paste the code of a PyTorch cell first"), model.problems());
    }

    @Test
    void unavailableImporterSaysSo() {
        PasteCellModel model = new PasteCellModel(CellImporter.UNAVAILABLE, "x = 1");

        model.tryImport();

        assertEquals(List.of("importing PyTorch cells is not available in this build"), model.problems());
    }
}
