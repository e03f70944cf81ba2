package org.gradviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow.install(stage, new MainWindowModel(Optional.of(Path.of("examples", "one-layer-bce.json"))));
        stage.show();
    }

    @Test
    void titleNamesTheOpenDocument() {
        assertEquals("gradviz — one-layer-bce.json", stage.getTitle());
    }

    @Test
    void canvasHintIsShown(FxRobot robot) {
        Label hint = robot.lookup("#" + StyleClasses.CANVAS_HINT).queryAs(Label.class);

        assertTrue(hint.isVisible());
        assertTrue(hint.getText().contains("one-layer-bce.json"), hint.getText());
        assertTrue(hint.getWidth() > 0 && hint.getHeight() > 0, "hint has no size");
    }

    @Test
    void entryStylesheetIsApplied() {
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("css/gradviz.css")));
    }

    @Test
    void snapshotOfTheMainWindowIsWritten(FxRobot robot) throws IOException {
        Path png = SCREENSHOTS.resolve("main-window.png");

        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), png));

        assertTrue(Files.size(png) > 0);
    }
}
