package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.document.Position;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.FontScale;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Boxes grown by larger text never cover each other: the canvas draws them spread apart from their document
 * positions (which stay as they were) until a new layout for their size arrives.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class GrownBoxesGuiTest {
    private MainWindowView view;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        ExampleWindow window = ExampleWindow.openFitted(stage, "ngram-view.json", 1280, 720);
        view = window.view();
        model = window.model();
    }

    @Test
    void boxesAtTheLargestTextInPresentationModeDoNotOverlap(FxRobot robot) throws TimeoutException {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        LectureKeys.present(robot);
        LectureKeys.networkViewOnly(robot);
        packed();
        Map<String, Position> packedPositions = new LinkedHashMap<>();
        List<String> overlapsRightAway = new ArrayList<>();
        robot.interact(() -> {
            packedPositions.putAll(model.document().positions());
            // the largest text at once: the boxes grow three times, before any new packing can arrive
            double scale = model.display().fontScale();
            while (FontScale.larger(scale) > scale) {
                scale = FontScale.larger(scale);
            }
            model.display().fontScaleProperty().set(scale);
            overlapsRightAway.addAll(overlaps(robot));
            assertEquals(packedPositions, model.document().positions(), "growing moves no box in the document");
        });
        assertEquals(List.of(), overlapsRightAway, "boxes covering each other as soon as the text grew");

        packed();
        robot.interact(() -> {
            assertEquals(List.of(), overlaps(robot), "boxes covering each other once packed for the text");
            Bounds canvas = view.canvas().localToScene(view.canvas().getLayoutBounds());
            assertEquals(14, robot.lookup(".graph-node").queryAll().size());
            for (Node box : robot.lookup(".graph-node").queryAll()) {
                if (box.getId() != null && box.getId().startsWith("node-")) {
                    Bounds b = box.localToScene(box.getBoundsInLocal());
                    assertTrue(canvas.contains(b), box.getId() + " " + b + " on the screen " + canvas);
                }
            }
        });
    }

    /** The pairs of boxes whose drawn bounds cover each other (more than a hair). */
    private static List<String> overlaps(FxRobot robot) {
        Map<String, Bounds> boxes = new LinkedHashMap<>();
        for (Node box : robot.lookup(".graph-node").queryAll()) {
            if (box.getId() != null && box.getId().startsWith("node-") && box.isVisible()) {
                boxes.put(box.getId(), box.getBoundsInParent());
            }
        }
        assertEquals(14, boxes.size(), "the n-gram model's boxes: " + boxes.keySet());
        List<String> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>(boxes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Bounds a = boxes.get(names.get(i));
                Bounds b = boxes.get(names.get(j));
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > 0.5 && h > 0.5) {
                    pairs.add(names.get(i) + " × " + names.get(j));
                }
            }
        }
        return pairs;
    }

    private void packed() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.isArrangingForScreen());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
