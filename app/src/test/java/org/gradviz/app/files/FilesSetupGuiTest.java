package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The file features wired onto a window with real dialogs: work left by a crashed session comes back. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FilesSetupGuiTest {
    /** No process has this id, so its autosave was left by a session that is gone. */
    private static final long GONE_PID = 999_999_999L;
    private static Path folder;

    private final EditorModel model = new EditorModel();
    private GraphDocument left;
    private FilesSetup files;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        // a window of its own: the primary stage is shared with other test classes, and these handlers stay
        stage = new Stage();
        folder = Files.createTempDirectory("gradviz-autosave-test");
        System.setProperty(AutosaveStore.FOLDER_PROPERTY, folder.toString());
        EditorModel crashed = new EditorModel();
        crashed.addSource(TensorRole.PARAMETER, new Position(30, 30));
        left = crashed.document();
        new AutosaveStore(folder, GONE_PID, Clock.systemUTC()).write(left, null);

        BorderPane root = new BorderPane();
        MenuBar bar = new MenuBar();
        root.setTop(bar);
        stage.setScene(new Scene(root, 800, 500));
        files = FilesSetup.install(stage, model, CellImporter.UNAVAILABLE);
        bar.getMenus().add(files.menu());
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void closeWindow() {
        WaitForAsyncUtils.asyncFx(stage::hide);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        System.clearProperty(AutosaveStore.FOLDER_PROPERTY);
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void workLeftByACrashedSessionIsOfferedAndRestoredAsUnsaved(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(left, model.document());
        assertTrue(model.history().unsavedProperty().get());
        assertTrue(Files.notExists(folder.resolve("session-" + GONE_PID + ".json")));
        assertEquals("_File", files.menu().getText());
    }
}
