package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.icons.Icons;
import org.gradviz.app.shell.UiFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FilesGuiTest {
    @TempDir
    Path dir;

    private final Preferences node = TestPreferences.fresh();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final EditorModel model = new EditorModel();
    private FileActions actions;
    private FileMenu menu;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a window of its own: the primary stage is shared with other test classes, and these handlers stay
        Stage stage = new Stage();
        this.stage = stage;
        UiFont.load();
        actions = new FileActions(model, dialogs, new RecentFiles(node), CellImportRunner.onFxThread(CellImporter.UNAVAILABLE));
        menu = new FileMenu(actions, stage::close);
        BorderPane root = new BorderPane();
        root.setTop(new MenuBar(menu));
        Scene scene = new Scene(root, 800, 500);
        scene.getStylesheets().add(getClass().getResource("/org/gradviz/assets/css/gradviz.css").toExternalForm());
        stage.setScene(scene);
        actions.guardClose(stage);
        stage.show();
    }

    /** For a look by eye: target/screenshots/NAME. */
    private static void snapshot(Scene scene, String name) {
        try {
            Path png = Path.of("target", "screenshots", name);
            java.nio.file.Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null),
                    "png", png.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void forget() {
        WaitForAsyncUtils.asyncFx(stage::hide);
        WaitForAsyncUtils.waitForFxEvents();
        TestPreferences.remove(node);
    }

    @Test
    void documentSavedWithCtrlSReopensEqual(FxRobot robot) {
        Path file = dir.resolve("seed.json");
        robot.interact(() -> {
            model.load(new DocumentReader().read(Examples.file("one-layer-bce.json")), null);
            model.addOp(OpKind.RELU, new Position(400, 40));
            model.addSource(TensorRole.CONSTANT, new Position(400, 160));
        });
        dialogs.saveAnswers.add(Optional.of(file));
        GraphDocument edited = model.document();

        robot.clickOn(stage.getScene().getRoot()).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(model.history().unsavedProperty().get(), dialogs.errors.toString());
        EditorModel reopened = new EditorModel();
        FileActions other = new FileActions(reopened, new FakeDialogs(), new RecentFiles(node),
                CellImportRunner.onFxThread(CellImporter.UNAVAILABLE));
        robot.interact(() -> assertTrue(other.open(file)));
        assertEquals(edited, reopened.document());
        assertEquals("seed.json — gradviz", reopened.titleProperty().get());
    }

    @Test
    void savedFileIsOfferedUnderOpenRecent(FxRobot robot) {
        robot.interact(() -> model.addSource(TensorRole.INPUT, new Position(0, 0)));
        dialogs.saveAnswers.add(Optional.of(dir.resolve("net.json")));
        robot.interact(actions::saveAs);

        List<Object> recent = menu.recentMenu().getItems().stream().map(MenuItem::getUserData).toList();

        assertEquals(dir.resolve("net.json"), recent.get(0));
    }

    @Test
    void fileMenuHasTheShortcuts() {
        List<String> shortcuts = menu.getItems().stream()
                .filter(i -> i.getAccelerator() != null)
                .map(i -> i.getText() + " " + i.getAccelerator().getName())
                .toList();

        // Shortcut is Ctrl on Linux and Windows, Cmd on macOS
        assertEquals(List.of("_New Shortcut+N", "_Open… Shortcut+O", "_Save Shortcut+S",
                "Save _As… Shift+Shortcut+S", "_Paste PyTorch Cell… Shift+Shortcut+V", "_Quit Shortcut+Q"), shortcuts);
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) {
        robot.interact(() -> model.addSource(TensorRole.INPUT, new Position(0, 0)));
        dialogs.saveChangesAnswers.add(SaveChoice.CANCEL);

        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertEquals(List.of("Save changes to untitled?"), dialogs.asked);
        assertTrue(stage.isShowing());
    }

    @Test
    void pasteDialogShowsTheRefusedLinesAndStaysOpen(FxRobot robot) {
        CellImporter refusing = (source, name) -> {
            throw new CellImportException(new CellImportException.Problem(2, "torch.nn.Conv2d is not supported"));
        };
        PasteCellDialog dialog = showPasteDialog(robot, refusing, "import torch\nc = torch.nn.Conv2d(1, 1, 3)\n");

        robot.clickOn("Import");
        waitUntil(() -> dialog.model().refusedProperty().get());

        ListView<?> problems = robot.lookup("#" + PasteCellDialog.PROBLEMS_ID).queryAs(ListView.class);
        assertTrue(problems.isVisible());
        assertEquals(List.of("line 2: torch.nn.Conv2d is not supported"), problems.getItems());
        assertTrue(dialog.isShowing(), "a refused cell must not close the dialog");
        robot.interact(() -> snapshot(dialog.getDialogPane().getScene(), "paste-cell-refused.png"));
        robot.interact(dialog::close);
    }

    @Test
    void pastedCellThatImportsClosesTheDialogWithItsNetwork(FxRobot robot) {
        GraphDocument network = new DocumentReader().read(Examples.file("one-layer-bce.json"));
        PasteCellDialog dialog = showPasteDialog(robot, (source, name) -> network, "loss = ...\n");

        robot.clickOn("Import");
        waitUntil(() -> !dialog.isShowing());

        assertEquals(network, dialog.getResult());
    }

    private PasteCellDialog showPasteDialog(FxRobot robot, CellImporter importer, String source) {
        PasteCellDialog[] dialog = new PasteCellDialog[1];
        robot.interact(() -> {
            dialog[0] = new PasteCellDialog(new PasteCellModel(CellImportRunner.onFxThread(importer), source));
            dialog[0].initOwner(stage);
            dialog[0].getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
            dialog[0].show();
        });
        return dialog[0];
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not so within 5 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window answers: a task handed to the FX thread runs within half a second. */
    private static void assertResponsive() {
        long start = System.nanoTime();
        WaitForAsyncUtils.waitForAsyncFx(500, () -> { });
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void pastedNeverEndingCellRunsWithProgressAndCancelKeepsTheTextAndTheDocument(FxRobot robot) {
        robot.interact(() -> model.load(new DocumentReader().read(Examples.file("one-layer-bce.json")), null));
        GraphDocument before = model.document();
        PasteCellDialog dialog = showPasteDialog(robot, new ScriptCellImporter(), CellImportRunnerTest.RUNAWAY);

        robot.clickOn("Import");
        waitUntil(() -> robot.lookup(".import-spinner").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));

        Label status = robot.lookup("#" + PasteCellDialog.STATUS_ID + " .import-status").queryAs(Label.class);
        assertEquals("Running <pasted cell>…", status.getText());
        assertTrue(robot.lookup("Import").queryButton().isDisabled());
        assertResponsive();
        robot.interact(() -> snapshot(dialog.getDialogPane().getScene(), "paste-cell-running.png"));

        robot.clickOn("Cancel");
        waitUntil(() -> !dialog.model().runningProperty().get());

        assertEquals(PasteCellModel.CANCELLED, status.getText());
        assertTrue(dialog.isShowing(), "Cancel stops the cell; the dialog and the pasted text stay");
        assertEquals(CellImportRunnerTest.RUNAWAY, dialog.model().sourceProperty().get());
        assertEquals(before, model.document());
        robot.interact(() -> snapshot(dialog.getDialogPane().getScene(), "paste-cell-cancelled.png"));
        robot.clickOn("Cancel");
        waitUntil(() -> !dialog.isShowing());
    }

    @Test
    void openedNeverEndingCellShowsProgressOverTheWindowAndCancelLeavesTheDocument(FxRobot robot) throws IOException {
        robot.interact(() -> model.load(new DocumentReader().read(Examples.file("one-layer-bce.json")), null));
        robot.interact(() -> model.addSource(TensorRole.INPUT, new Position(400, 160)));
        GraphDocument before = model.document();
        Path cell = Files.writeString(dir.resolve("forever.py"), CellImportRunnerTest.RUNAWAY);
        FileActions real = new FileActions(model, () -> stage, new RecentFiles(node), new ScriptCellImporter());

        robot.interact(() -> assertTrue(real.open(cell)));
        waitUntil(() -> robot.lookup(".import-progress-dialog").tryQuery().isPresent());

        Label status = robot.lookup(".import-progress-dialog .import-status").queryAs(Label.class);
        assertEquals("Running forever.py…", status.getText());
        assertResponsive();
        robot.interact(() -> snapshot(status.getScene(), "open-cell-running.png"));

        robot.clickOn("Cancel");
        waitUntil(() -> robot.lookup(".import-progress-dialog").tryQuery().isEmpty());

        assertFalse(real.cells().isRunning());
        assertEquals(before, model.document());
        assertTrue(model.history().unsavedProperty().get(), "the unsaved edit is still there");
        assertEquals("Import of forever.py cancelled: the document was not changed", model.statusProperty().get());
        assertResponsive();
        robot.interact(() -> model.addOp(OpKind.RELU, new Position(600, 40)));
        assertEquals(before.nodes().size() + 1, model.document().nodes().size(), "the editor takes edits again");
    }

    @Test
    void iconsAndTheBundledFontRender(FxRobot robot) {
        FontIcon[] icon = new FontIcon[1];
        robot.interact(() -> {
            icon[0] = Icons.FORWARD.create(24);
            ((BorderPane) stage.getScene().getRoot()).setCenter(icon[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(icon[0].getLayoutBounds().getWidth() > 10, "icon glyph has no width");
        robot.interact(() -> {
            for (Icons each : Icons.values()) {
                FontIcon created = each.create();
                assertTrue(created.getText() != null && !created.getText().isEmpty(), each + " has no glyph");
                assertTrue(created.getStyleClass().contains(Icons.STYLE_CLASS));
            }
        });
        assertTrue(Font.getFamilies().contains(UiFont.FAMILY));
        assertEquals(UiFont.FAMILY, robot.lookup(".menu-bar .label").queryLabeled().getFont().getFamily());
    }
}
