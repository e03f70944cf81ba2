package org.gradviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path example = Examples.file("one-layer-bce.json");
        MainWindow.install(stage, new EditorModel(new DocumentReader().readDraft(example), example), s -> "");
        stage.show();
    }

    @Test
    void titleNamesTheOpenDocument() {
        assertEquals("one-layer-bce.json — gradviz", stage.getTitle());
    }

    @Test
    void everyElementOfTheDocumentIsDrawnAsABox(FxRobot robot) {
        for (String name : new String[] {"x", "y", "w", "b", "xw", "z", "loss"}) {
            assertTrue(robot.lookup("#node-" + name).tryQuery().isPresent(), name);
        }
        assertTrue(robot.lookup("#edge-z-loss-input").tryQuery().isPresent());
    }

    @Test
    void entryStylesheetIsApplied() {
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("css/gradviz.css")));
    }
}
