package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.ConsoleLine;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileActionsTest {
    private static final Path EXAMPLE = Examples.file("one-layer-bce.json");
    private static final GraphDocument EXAMPLE_DOC = new DocumentReader().read(EXAMPLE);

    @TempDir
    Path dir;

    private final Preferences node = TestPreferences.fresh();
    private final RecentFiles recent = new RecentFiles(node);
    private final FakeDialogs dialogs = new FakeDialogs();
    private final EditorModel model = new EditorModel();
    private CellImporter importer = (source, name) -> EXAMPLE_DOC;
    private final FileActions actions = new FileActions(model, dialogs, recent, cells((s, n) -> importer.importCell(s, n)));
    /** Opened by a test to let a blocked importer finish. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void forget() {
        TestPreferences.remove(node);
    }

    /** Imports on a thread of its own, handing outcomes to the fake FX thread of {@link #dialogs}. */
    private CellImportRunner cells(CellImporter cellImporter) {
        return new CellImportRunner(cellImporter, dialogs.fxThread);
    }

    /** An importer that waits for {@link #release} (an interrupt ends the wait), then imports the example. */
    private GraphDocument blocked(String source, String name) throws InterruptedException {
        release.await();
        return EXAMPLE_DOC;
    }

    private Path cell(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "import torch\n");
    }

    /** Leaves an unsaved edit and starts opening a cell that waits for {@link #release}; the edited document. */
    private GraphDocument editThenOpenBlocked(String cellName) throws IOException {
        edit();
        GraphDocument edited = model.document();
        importer = this::blocked;
        assertTrue(actions.open(cell(cellName)));
        return edited;
    }

    private void edit() {
        model.addSource(TensorRole.INPUT, new Position(10, 10));
    }

    private boolean unsaved() {
        return model.history().unsavedProperty().get();
    }

    // ----- save

    @Test
    void saveOfAnUntitledDocumentAsksWhereThenWritesAndClearsTheUnsavedMark() {
        edit();
        dialogs.saveAnswers.add(Optional.of(dir.resolve("net.json")));

        assertTrue(actions.save());

        assertEquals(List.of("save as untitled.json"), dialogs.asked);
        assertEquals(model.document(), new DocumentReader().readDraft(dir.resolve("net.json")));
        assertFalse(unsaved());
        assertEquals(dir.resolve("net.json"), model.fileProperty().get());
        assertEquals("net.json — gradviz", model.titleProperty().get());
        assertEquals(dir.resolve("net.json"), recent.files().get(0));
    }

    @Test
    void saveOfADocumentWithAFileWritesThereWithoutAsking() throws IOException {
        Path file = dir.resolve("net.json");
        Files.copy(EXAMPLE, file);
        assertTrue(actions.open(file));
        edit();

        assertTrue(actions.save());

        assertEquals(List.of(), dialogs.asked);
        assertEquals(model.document(), new DocumentReader().readDraft(file));
        assertFalse(unsaved());
    }

    @Test
    void saveAsAddsTheJsonExtensionWhenTheNameHasNone() {
        edit();
        dialogs.saveAnswers.add(Optional.of(dir.resolve("net")));

        assertTrue(actions.saveAs());

        assertTrue(Files.isRegularFile(dir.resolve("net.json")));
        assertEquals(dir.resolve("net.json"), model.fileProperty().get());
    }

    @Test
    void cancelledSaveAsWritesNothingAndKeepsTheUnsavedMark() {
        edit();
        dialogs.saveAnswers.add(Optional.empty());

        assertFalse(actions.save());

        assertTrue(unsaved());
        assertNull(model.fileProperty().get());
    }

    @Test
    void failedSaveShowsOneLineNamingTheFileAndKeepsTheUnsavedMark() {
        edit();
        Path target = dir.resolve("no-such-folder").resolve("net.json");
        dialogs.saveAnswers.add(Optional.of(target));

        assertFalse(actions.save());

        assertTrue(unsaved());
        assertNull(model.fileProperty().get());
        assertEquals(1, dialogs.errors.size());
        String error = dialogs.errors.get(0);
        assertEquals("Cannot save net.json | cannot write " + target + ": no such file or folder;"
                + " the document is not saved", error);
        assertFalse(Files.exists(target));
    }

    @Test
    void failedSaveOverAFolderLeavesTheFolderAndSaysWhy() throws IOException {
        edit();
        Path folder = Files.createDirectory(dir.resolve("taken.json"));
        Files.writeString(folder.resolve("inside.txt"), "keep");
        dialogs.saveAnswers.add(Optional.of(folder));

        assertFalse(actions.save());

        assertTrue(unsaved());
        assertEquals("keep", Files.readString(folder.resolve("inside.txt")));
        assertEquals(1, dialogs.errors.size());
        assertFalse(dialogs.errors.get(0).contains("Exception"), dialogs.errors.get(0));
    }

    // ----- open

    @Test
    void openingADocumentWhoseTensorTheHeapCannotHoldShowsOneLineAndKeepsTheDocument() throws IOException {
        // 40000 x 40000 elements at 8 bytes each is 12.8 GB
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 40_000L * 40_000 * 8);
        Path file = Files.writeString(dir.resolve("big.json"), "{\"formatVersion\": 1, \"tensors\": [{\"name\": \"w\","
                + " \"role\": \"parameter\", \"shape\": [40000, 40000], \"init\": {\"kind\": \"ones\"}}]}");
        GraphDocument before = model.document();

        assertFalse(actions.open(file));

        assertEquals(before, model.document());
        assertEquals(1, dialogs.errors.size());
        String error = dialogs.errors.get(0);
        assertTrue(error.startsWith("Cannot open big.json | big.json: tensors[0] \"w\": shape (40000, 40000) has"
                + " 1600000000 elements; gradviz has memory for "), error);
        assertFalse(error.contains("\n"), error);
    }

    @Test
    void openingAUtf16DocumentShowsOneLine() throws IOException {
        Path file = Files.write(dir.resolve("wide.json"), Files.readString(EXAMPLE)
                .getBytes(java.nio.charset.StandardCharsets.UTF_16));

        assertFalse(actions.open(file));

        assertEquals(List.of("Cannot open wide.json | wide.json: " + file + " is UTF-16 text, not UTF-8: save it as UTF-8"),
                dialogs.errors);
    }

    @Test
    void openReadsTheDocumentAndNamesTheWindowAfterIt() {
        dialogs.openAnswers.add(Optional.of(EXAMPLE));

        assertTrue(actions.open());

        assertEquals(EXAMPLE_DOC, model.document());
        assertEquals(EXAMPLE, model.fileProperty().get());
        assertEquals("one-layer-bce.json — gradviz", model.titleProperty().get());
        assertFalse(unsaved());
        assertEquals(EXAMPLE.toAbsolutePath().normalize(), recent.files().get(0));
    }

    @Test
    void cancelledOpenChangesNothing() {
        edit();
        GraphDocument before = model.document();
        dialogs.openAnswers.add(Optional.empty());

        assertFalse(actions.open());

        assertEquals(before, model.document());
        assertTrue(unsaved());
    }

    @Test
    void whatTheEditorSavesItOpensEvenWithUnconnectedInputs() {
        model.addOp(OpKind.ADD, new Position(0, 0));
        dialogs.saveAnswers.add(Optional.of(dir.resolve("draft.json")));
        assertTrue(actions.save());
        GraphDocument saved = model.document();
        EditorModel other = new EditorModel();

        boolean opened = new FileActions(other, dialogs, recent, cells(importer)).open(dir.resolve("draft.json"));

        assertTrue(opened, dialogs.errors.toString());
        assertEquals(saved, other.document());
    }

    @Test
    void brokenJsonIsReportedInOneLineWithThePlaceAndTheOpenDocumentStays() throws IOException {
        edit();
        GraphDocument before = model.document();
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"formatVersion\": 1,\n  \"tensors\": [\n");

        assertFalse(actions.open(broken));

        assertEquals(before, model.document());
        assertTrue(unsaved());
        assertEquals(1, dialogs.errors.size());
        String error = dialogs.errors.get(0);
        assertTrue(error.startsWith("Cannot open broken.json | broken.json: malformed JSON at line "), error);
        assertEquals(1, error.lines().count(), error);
        assertEquals(List.of(), dialogs.asked, "no question before a file that cannot be opened");
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        Path missing = dir.resolve("missing.json");

        assertFalse(actions.open(missing));

        assertEquals(List.of("Cannot open missing.json | missing.json: no such file: " + missing), dialogs.errors);
    }

    @Test
    void pyCellOpensThroughTheImporterAsAnUntitledDocumentSavedAsJsonBesideIt() throws IOException {
        Path cell = Files.writeString(dir.resolve("seed.py"), "import torch\n");
        String[] seen = new String[2];
        importer = (source, name) -> {
            seen[0] = source;
            seen[1] = name;
            return EXAMPLE_DOC;
        };

        assertTrue(actions.open(cell));
        dialogs.fxThread.runNext();

        assertEquals("import torch\n", seen[0]);
        assertEquals("seed.py", seen[1]);
        assertEquals(EXAMPLE_DOC, model.document());
        assertNull(model.fileProperty().get(), "saving must not write JSON over the .py");
        dialogs.saveAnswers.add(Optional.empty());
        actions.save();
        assertEquals(List.of("seed.json"), dialogs.saveNames);
    }

    @Test
    void refusedPyCellShowsTheLineNumbersAndImportsNothing() throws IOException {
        edit();
        GraphDocument before = model.document();
        Path cell = Files.writeString(dir.resolve("conv.py"), "import torch\nc = torch.nn.Conv2d(1, 1, 3)\n");
        importer = (source, name) -> {
            throw new CellImportException(List.of(new CellImportException.Problem(2, "torch.nn.Conv2d is not supported")));
        };

        actions.open(cell);
        dialogs.fxThread.runNext();

        assertEquals(List.of("Cannot import conv.py | conv.py, line 2: torch.nn.Conv2d is not supported"),
                dialogs.errors);
        assertEquals(before, model.document());
        assertTrue(unsaved());
    }

    @Test
    void missingRecentFileIsTakenOffTheListWithAMessage() {
        Path gone = dir.resolve("gone.json");
        recent.add(gone);

        assertFalse(actions.openRecent(gone));

        assertEquals(List.of(), recent.files());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("gone.json is no longer at " + gone), dialogs.errors.get(0));
    }

    @Test
    void recentFileOpens() {
        recent.add(EXAMPLE);

        assertTrue(actions.openRecent(EXAMPLE));

        assertEquals(EXAMPLE_DOC, model.document());
    }

    // ----- cells run off the FX thread

    @Test
    void slowCellDoesNotBlockTheCallerAndShowsProgressUntilItImports() throws IOException {
        importer = this::blocked;
        Path cell = cell("slow.py");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertTrue(actions.open(cell)));

        assertEquals(EditorModel.emptyDocument(), model.document());
        assertTrue(actions.cells().isRunning());
        assertEquals(List.of("progress: Running slow.py…"), dialogs.asked);
        release.countDown();
        dialogs.fxThread.runNext();
        assertEquals(EXAMPLE_DOC, model.document());
        assertFalse(actions.cells().isRunning());
    }

    @Test
    void cancelledCellKeepsTheDocumentAndSaysItWasCancelled() throws IOException {
        GraphDocument before = editThenOpenBlocked("forever.py");

        actions.cells().cancel();
        dialogs.fxThread.runNext();

        assertEquals(before, model.document());
        assertTrue(unsaved());
        assertEquals("Import of forever.py cancelled: the document was not changed", model.statusProperty().get());
        assertEquals(ConsoleLine.note("Import of forever.py cancelled: the document was not changed"),
                model.console().get(model.console().size() - 1));
        assertEquals(List.of(), dialogs.errors);
        assertEquals(List.of("progress: Running forever.py…"), dialogs.asked, "no question for a cancelled cell");
        assertFalse(actions.cells().isRunning());
    }

    @Test
    void cellThatEndsJustAsCancelIsClickedIsNotLoaded() throws IOException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        importer = (source, name) -> {
            running.countDown();
            // deaf to the interrupt, as a cell in one long engine call is
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
            return EXAMPLE_DOC;
        };
        actions.open(cell("late.py"));

        assertDoesNotThrow(() -> running.await());
        actions.cells().cancel();
        release.countDown();
        dialogs.fxThread.runNext();

        assertTrue(interrupted.get(), "Cancel interrupts the importing thread");
        assertEquals(EditorModel.emptyDocument(), model.document());
        assertTrue(model.statusProperty().get().contains("cancelled"), model.statusProperty().get());
    }

    @Test
    void importingCellAsksAboutUnsavedChangesOnlyOnceItHasImported() throws IOException {
        GraphDocument before = editThenOpenBlocked("net.py");
        assertEquals(List.of("progress: Running net.py…"), dialogs.asked);

        dialogs.saveChangesAnswers.add(SaveChoice.CANCEL);
        release.countDown();
        dialogs.fxThread.runNext();

        assertEquals(List.of("progress: Running net.py…", "Save changes to untitled?"), dialogs.asked);
        assertEquals(before, model.document());
        assertTrue(unsaved());
    }

    @Test
    void secondCellWhileOneIsImportingIsNotRun() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        importer = (source, name) -> {
            calls.incrementAndGet();
            return blocked(source, name);
        };
        assertTrue(actions.open(cell("first.py")));

        assertFalse(actions.open(cell("second.py")));

        assertEquals(List.of("Cannot import second.py | second.py was not opened: another cell is still being "
                + "imported; wait for it or cancel it first"), dialogs.errors);
        release.countDown();
        dialogs.fxThread.runNext();
        assertEquals(1, calls.get());
        assertEquals(EXAMPLE_DOC, model.document());
        assertTrue(dialogs.fxThread.isEmpty());
    }

    @Test
    void bugInTheImporterIsReportedAndTheNextCellStillImports() throws IOException {
        importer = (source, name) -> {
            throw new IllegalStateException("no node for op 'foo'");
        };
        actions.open(cell("buggy.py"));
        dialogs.fxThread.runNext();

        assertEquals(List.of("Cannot import buggy.py | buggy.py, gradviz internal error: "
                + "java.lang.IllegalStateException: no node for op 'foo'"), dialogs.errors);
        importer = (source, name) -> EXAMPLE_DOC;
        assertTrue(actions.open(cell("fine.py")));
        dialogs.fxThread.runNext();
        assertEquals(EXAMPLE_DOC, model.document());
    }

    // ----- unsaved changes

    @Test
    void noQuestionWhenNothingIsUnsaved() {
        assertTrue(actions.confirmDiscard());
        assertEquals(List.of(), dialogs.asked);
    }

    @Test
    void cancelKeepsTheDocument() {
        edit();
        GraphDocument before = model.document();
        dialogs.saveChangesAnswers.add(SaveChoice.CANCEL);

        assertFalse(actions.newDocument());

        assertEquals(List.of("Save changes to untitled?"), dialogs.asked);
        assertEquals(before, model.document());
        assertTrue(unsaved());
    }

    @Test
    void dontSaveReplacesTheDocumentWithoutWriting() {
        edit();
        dialogs.saveChangesAnswers.add(SaveChoice.DONT_SAVE);

        assertTrue(actions.newDocument());

        assertEquals(EditorModel.emptyDocument(), model.document());
        assertFalse(unsaved());
    }

    @Test
    void saveAtTheQuestionSavesFirstThenGoesOn() throws IOException {
        Path file = dir.resolve("net.json");
        Files.copy(EXAMPLE, file);
        actions.open(file);
        edit();
        GraphDocument edited = model.document();
        dialogs.saveChangesAnswers.add(SaveChoice.SAVE);

        assertTrue(actions.open(EXAMPLE));

        assertEquals(List.of("Save changes to net.json?"), dialogs.asked);
        assertEquals(edited, new DocumentReader().readDraft(file));
        assertEquals(EXAMPLE_DOC, model.document());
    }

    @Test
    void saveAtTheQuestionThatIsCancelledKeepsTheDocument() {
        edit();
        GraphDocument before = model.document();
        dialogs.saveChangesAnswers.add(SaveChoice.SAVE);
        dialogs.saveAnswers.add(Optional.empty());

        assertFalse(actions.open(EXAMPLE));

        assertEquals(before, model.document());
    }

    // ----- paste a cell

    @Test
    void pastedCellThatImportsReplacesTheDocument() {
        dialogs.pastedCells.add("x = torch.ones(5)");

        assertTrue(actions.pasteCell());

        assertEquals(EXAMPLE_DOC, model.document());
        assertNull(model.fileProperty().get());
    }

    @Test
    void pastedCellThatIsRefusedChangesNothing() {
        edit();
        GraphDocument before = model.document();
        importer = (source, name) -> {
            throw new CellImportException(new CellImportException.Problem(1, "print is not supported"));
        };
        dialogs.pastedCells.add("print(1)");

        assertFalse(actions.pasteCell());

        assertEquals(before, model.document());
        assertTrue(unsaved());
    }

    @Test
    void writtenDocumentsUseTheDocumentWriterFormat() throws IOException {
        dialogs.openAnswers.add(Optional.of(EXAMPLE));
        actions.open();
        edit();
        dialogs.saveAnswers.add(Optional.of(dir.resolve("copy.json")));

        actions.saveAs();

        assertEquals(new DocumentWriter().toJson(model.document()), Files.readString(dir.resolve("copy.json")));
    }
}
