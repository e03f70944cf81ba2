package org.gradviz.app.editor.gui;

import static org.gradviz.app.editor.gui.CanvasRobot.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.DocumentReader;
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

/**
 * Tidy Layout from the View menu's shortcut on a network whose boxes all sit on one spot: Graphviz lays it
 * out off the FX thread, the result lands as one undoable edit, and Ctrl+Z puts every box back.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TidyLayoutGuiTest {
    /** Graphviz runs as the {@code dot} program when it is on the PATH, else in the slower embedded engine. */
    private static final long LAYOUT_SECONDS = 30;

    private EditorModel model;
    private GraphDocument piled;
    private Node canvas;

    @Start
    void start(Stage stage) {
        GraphDocument example = new DocumentReader().read(Examples.file("one-layer-bce.json"));
        piled = withEveryBoxAt(example, new Position(100, 100));
        model = new EditorModel(piled, null);
        canvas = ExampleWindow.show(stage, model, 1440, 900).view().canvas();
    }

    @Test
    void tidyLayoutSpreadsPiledBoxesLeftToRightAndUndoPilesThemAgain(FxRobot robot) throws TimeoutException {
        assertTrue(box(robot, "x").intersects(box(robot, "loss")), "the boxes start on one spot");

        CanvasRobot.focus(robot, canvas);
        CanvasRobot.shortcut(robot, KeyCode.L);
        WaitForAsyncUtils.waitFor(LAYOUT_SECONDS, TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Tidy layout"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Tidy layout", model.statusProperty().get());
        Map<String, Bounds> boxes = boxes(robot);
        List<String> names = List.copyOf(boxes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                assertFalse(boxes.get(names.get(i)).intersects(boxes.get(names.get(j))),
                        names.get(i) + " and " + names.get(j) + " overlap: " + boxes);
            }
        }
        // Tidy asks Graphviz for rankdir=LR: every edge goes from a box to a box wholly right of it
        for (Connection edge : piled.edges()) {
            assertTrue(boxes.get(edge.from()).getMaxX() < boxes.get(edge.to()).getMinX(),
                    edge.from() + " is not left of " + edge.to() + ": " + boxes);
        }

        CanvasRobot.shortcut(robot, KeyCode.Z);

        assertEquals(piled, model.document());
        assertFalse(model.history().canUndoProperty().get(), "Tidy layout was one edit");
        Bounds first = box(robot, "x");
        for (Bounds each : boxes(robot).values()) {
            assertEquals(first.getMinX(), each.getMinX(), 1e-9, "the boxes are piled again");
            assertEquals(first.getMinY(), each.getMinY(), 1e-9, "the boxes are piled again");
        }
    }

    private static GraphDocument withEveryBoxAt(GraphDocument doc, Position at) {
        Map<String, Position> positions = new LinkedHashMap<>();
        doc.tensors().forEach(t -> positions.put(t.name(), at));
        doc.nodes().forEach(n -> positions.put(n.name(), at));
        return new GraphDocument(doc.formatVersion(), doc.title(), doc.seed(), doc.tensors(), doc.nodes(),
                doc.edges(), doc.output(), positions, doc.view());
    }

    /** Every box's bounds on screen, by element name. */
    private Map<String, Bounds> boxes(FxRobot robot) {
        Map<String, Bounds> boxes = new LinkedHashMap<>();
        piled.positions().keySet().forEach(name -> boxes.put(name, box(robot, name)));
        return boxes;
    }
}
