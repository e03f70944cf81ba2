package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Test;

class PasteCellModelTest {
    private static final GraphDocument IMPORTED = EditorModel.emptyDocument();

    private final FxQueue fxThread = new FxQueue();

    private final CellImporter refusing = (source, name) -> {
        throw new CellImportException(List.of(
                new CellImportException.Problem(2, "torch.nn.Conv2d is not supported"),
                new CellImportException.Problem(5, "while loops are not supported")));
    };

    private PasteCellModel model(CellImporter importer, String source) {
        return new PasteCellModel(new CellImportRunner(importer, fxThread), source);
    }

    /** Import, as the dialog's button does, then the outcome's turn on the FX thread. */
    private Optional<GraphDocument> importAndWait(PasteCellModel model) {
        GraphDocument[] imported = new GraphDocument[1];
        model.startImport(document -> imported[0] = document);
        fxThread.runNext();
        return Optional.ofNullable(imported[0]);
    }

    @Test
    void importedCellIsReturnedWithNoProblems() {
        String[] name = new String[1];
        PasteCellModel model = model((source, n) -> {
            name[0] = n;
            return IMPORTED;
        }, "x = torch.ones(5)");

        assertEquals(Optional.of(IMPORTED), importAndWait(model));
        assertEquals(List.of(), model.problems());
        assertEquals(PasteCellModel.PASTED_NAME, name[0]);
    }

    @Test
    void refusedCellListsEachProblemWithItsLineNumber() {
        PasteCellModel model = model(refusing, "import torch\nc = torch.nn.Conv2d(1, 1, 3)\n");

        assertEquals(Optional.empty(), importAndWait(model));

        assertEquals(List.of("line 2: torch.nn.Conv2d is not supported", "line 5: while loops are not supported"),
                model.problems());
        assertTrue(model.refusedProperty().get());
    }

    @Test
    void editingTheSourceClearsTheProblems() {
        PasteCellModel model = model(refusing, "c = 1");
        importAndWait(model);

        model.sourceProperty().set("c = 2");

        assertEquals(List.of(), model.problems());
        assertFalse(model.refusedProperty().get());
    }

    @Test
    void blankSourceAsksForACellWithoutCallingTheImporter() {
        PasteCellModel model = model((s, n) -> {
            throw new AssertionError("importer called");
        }, "  \n");

        model.startImport(document -> {
            throw new AssertionError("imported");
        });

        assertEquals(List.of("Paste the code of a PyTorch cell first"), model.problems());
        assertFalse(model.runningProperty().get());
        assertTrue(fxThread.isEmpty());
    }

    @Test
    void unavailableImporterSaysSo() {
        PasteCellModel model = model(CellImporter.UNAVAILABLE, "x = 1");

        importAndWait(model);

        assertEquals(List.of("importing PyTorch cells is not available in this build"), model.problems());
    }

    @Test
    void runningCellShowsItsNameAndCancelImportsNothing() {
        CountDownLatch never = new CountDownLatch(1);
        PasteCellModel model = model((source, name) -> {
            never.await();
            return IMPORTED;
        }, "for i in range(10):\n    pass\n");
        GraphDocument[] imported = new GraphDocument[1];
        model.startImport(document -> imported[0] = document);
        assertTrue(model.runningProperty().get());
        assertEquals("Running <pasted cell>…", model.statusProperty().get());

        model.cancel();
        assertEquals("Cancelling <pasted cell>…", model.statusProperty().get());
        fxThread.runNext();

        assertNull(imported[0]);
        assertFalse(model.runningProperty().get());
        assertEquals(PasteCellModel.CANCELLED, model.statusProperty().get());
        assertEquals(List.of(), model.problems());
        assertEquals("for i in range(10):\n    pass\n", model.sourceProperty().get(), "the pasted text stays");
    }

    @Test
    void importWhileAnotherCellRunsSaysSoAndStartsNothing() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CellImportRunner runner = new CellImportRunner((source, name) -> {
            calls.incrementAndGet();
            release.await();
            return IMPORTED;
        }, fxThread);
        runner.start("x = 1", "other.py", outcome -> { });
        PasteCellModel model = new PasteCellModel(runner, "y = 2");

        model.startImport(document -> {
            throw new AssertionError("imported");
        });

        assertEquals(List.of(PasteCellModel.BUSY), model.problems());
        release.countDown();
        fxThread.runNext();
        assertEquals(1, calls.get());
    }
}
