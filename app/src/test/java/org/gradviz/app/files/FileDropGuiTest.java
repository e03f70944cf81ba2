package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.shell.MainWindow;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files dragged from a file manager onto the main window: the drag events the system would deliver, built
 * with a real dragboard holding the files (see {@link FileDragboard}), fired at the canvas under the mouse.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FileDropGuiTest {
    private static final Path DOCUMENT = Examples.file("one-layer-bce.json");
    private static final Path CELL = Examples.file("one-layer-bce.py");

    @TempDir
    Path dir;

    private final Preferences node = TestPreferences.fresh();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final EditorModel model = new EditorModel();
    private Stage stage;
    private Node canvas;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the main window as GradvizApp wires it, with dialogs that answer from the test
        MainWindowView view = MainWindow.install(stage, model, new GeneratedCode());
        FileActions actions = new FileActions(model, dialogs, new RecentFiles(node),
                CellImportRunner.onFxThread(new ScriptCellImporter()));
        view.addLeadingMenu(new FileMenu(actions, stage::close));
        new FileDropHandler(actions).install(stage.getScene());
        canvas = view.canvas();
        stage.show();
    }

    @AfterEach
    void forget() {
        TestPreferences.remove(node);
    }

    @Test
    void aJsonDocumentDraggedOverTheWindowIsAccepted() {
        DragEvent over = fire(DragEvent.DRAG_OVER, DOCUMENT.toFile());

        assertTrue(over.isAccepted());
        assertEquals(TransferMode.COPY, over.getAcceptedTransferMode());
    }

    @Test
    void aTextFileDraggedOverTheWindowIsRefused() throws IOException {
        File notes = Files.writeString(dir.resolve("notes.txt"), "not a network").toFile();

        DragEvent over = fire(DragEvent.DRAG_OVER, notes);

        assertFalse(over.isAccepted());
        assertNull(over.getAcceptedTransferMode());
    }

    @Test
    void aDroppedDocumentOpensInTheWindow() {
        DragEvent drop = fire(DragEvent.DRAG_DROPPED, DOCUMENT.toFile());

        assertTrue(drop.isDropCompleted());
        assertEquals(new DocumentReader().read(DOCUMENT), model.document());
        assertEquals("one-layer-bce.json — gradviz", stage.getTitle());
        assertFalse(model.history().unsavedProperty().get());
    }

    @Test
    void aDroppedPyTorchCellShowsItsNetwork(FxRobot robot) throws Exception {
        fire(DragEvent.DRAG_DROPPED, CELL.toFile());
        // the cell runs off the FX thread; its network arrives when it has run
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> !model.document().tensors().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        GraphDocument same = new DocumentReader().read(DOCUMENT);
        assertEquals(same.tensors(), model.document().tensors());
        assertEquals(same.nodes(), model.document().nodes());
        assertEquals(same.edges(), model.document().edges());
        for (String name : List.of("x", "y", "w", "b", "xw", "z", "loss")) {
            assertTrue(robot.lookup("#node-" + name).tryQuery().isPresent(), name + " is not drawn");
        }
        // a cell is not a document: it has no file to save to until Save As
        assertEquals("untitled — gradviz", stage.getTitle());
    }

    @Test
    void droppingOverUnsavedWorkAsksAndCancelKeepsTheWork(FxRobot robot) {
        robot.interact(() -> model.addSource(TensorRole.PARAMETER, new Position(80, 80)));
        GraphDocument work = model.document();
        dialogs.saveChangesAnswers.add(SaveChoice.CANCEL);

        fire(DragEvent.DRAG_DROPPED, DOCUMENT.toFile());

        assertEquals(List.of("Save changes to untitled?"), dialogs.asked);
        assertEquals(work, model.document());
        assertEquals("• untitled — gradviz", stage.getTitle());
    }

    /** Fires {@code type} with {@code file} on the dragboard at the canvas centre, as the system would. */
    private DragEvent fire(EventType<DragEvent> type, File file) {
        DragEvent[] event = new DragEvent[1];
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            Bounds at = canvas.localToScene(canvas.getLayoutBounds());
            Bounds screen = canvas.localToScreen(canvas.getLayoutBounds());
            // no gesture source: the drag comes from another application
            event[0] = new DragEvent(type, FileDragboard.holding(file), at.getCenterX(), at.getCenterY(),
                    screen.getCenterX(), screen.getCenterY(), TransferMode.COPY, null, null, null);
            Event.fireEvent(canvas, event[0]);
        });
        WaitForAsyncUtils.waitForFxEvents(); // the drop opens the file after the drop is finished
        return event[0];
    }
}
