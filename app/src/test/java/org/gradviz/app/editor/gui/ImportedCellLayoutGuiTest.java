package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.gradviz.app.bridge.ScriptImporter;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A cell opened or pasted lands laid out, its boxes side by side, not piled up until Tidy Layout. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportedCellLayoutGuiTest {
    /** Graphviz runs as the {@code dot} program when it is on the PATH, else in the slower embedded engine. */
    private static final long LAYOUT_SECONDS = 30;

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = new EditorModel();
        ExampleWindow.show(stage, model, 1920, 1080);
    }

    @Test
    void anImportedCellLandsWithNoTwoBoxesOverlappingAndNothingToUndo(FxRobot robot) throws Exception {
        Path cell = Examples.file("mlp-two-layer.py");
        GraphDocument imported = new ScriptImporter().importCell(Files.readString(cell), "mlp-two-layer.py");
        Map<String, Position> asImported = imported.positions();

        WaitForAsyncUtils.asyncFx(() -> model.load(imported, null)).get();
        try {
            WaitForAsyncUtils.waitFor(LAYOUT_SECONDS, TimeUnit.SECONDS,
                    () -> !model.document().positions().equals(asImported));
        } catch (java.util.concurrent.TimeoutException stillAsImported) {
            // the assertions below say which boxes pile up
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> SceneSnapshot.writePng(stage.getScene(),
                Path.of("target", "screenshots", "imported-cell.png"))).get();

        List<String> overlapping = overlapping(robot, imported);
        assertTrue(overlapping.isEmpty(), "overlapping boxes: " + overlapping);
        assertFalse(model.history().canUndoProperty().get(), "the layout is part of the load");
        assertFalse(model.history().unsavedProperty().get());
    }

    private static List<String> overlapping(FxRobot robot, GraphDocument doc) {
        List<String> names = new ArrayList<>(doc.positions().keySet());
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (box(robot, names.get(i)).intersects(box(robot, names.get(j)))) {
                    found.add(names.get(i) + "/" + names.get(j));
                }
            }
        }
        return found;
    }

    private static Bounds box(FxRobot robot, String name) {
        Node node = robot.lookup("#node-" + name).query();
        return node.localToScene(node.getBoundsInLocal());
    }
}
