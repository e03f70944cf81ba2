package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import java.util.HashMap;
import java.util.Map;
import org.gradviz.app.document.Position;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphEdits;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Edge labels (the shape an edge carries, and in the animation the gradient it carried) sit where no box covers
 * them when the edge has room: a box dropped on a label's place pushes it along its edge. Before, each label sat at
 * the middle of the straight line between its ports, under whatever box was there.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class EdgeLabelPlacementGuiTest {
    private MainWindowView view;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        ExampleWindow window = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1600, 1000);
        this.view = window.view();
        this.model = window.model();
    }

    @Test
    void labelsMoveAlongTheirEdgeOutFromUnderABox(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        // the seed spread out three times wider, so every edge has room for its labels; then y is dropped right on
        // the middle of the w -> xw edge, where its labels were
        robot.interact(() -> {
            Map<String, Position> spread = new HashMap<>();
            model.document().positions().forEach((name, p) -> spread.put(name, new Position(p.x() * 3, p.y() * 3)));
            model.apply("spread", d -> GraphEdits.move(d, spread));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Bounds label = view.canvas().lookup("#edge-labels-w-xw-other").getBoundsInParent();
            Node y = view.canvas().lookup("#node-y");
            Position over = new Position(label.getCenterX() - y.getLayoutBounds().getWidth() / 2,
                    label.getCenterY() - y.getLayoutBounds().getHeight() / 2);
            model.apply("cover", d -> GraphEdits.move(d, Map.of("y", over)));
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<String> covered = new ArrayList<>();
        int[] labels = new int[1];
        robot.interact(() -> {
            List<Node> boxes = new ArrayList<>(view.canvas().lookupAll(".graph-node"));
            List<Node> edgeLabels = new ArrayList<>(view.canvas().lookupAll(".graph-edge-label"));
            edgeLabels.addAll(view.canvas().lookupAll(".flow-label"));
            for (Node n : edgeLabels) {
                Label label = (Label) n;
                if (!label.isVisible() || label.getText().isEmpty()) {
                    continue;
                }
                labels[0]++;
                Bounds text = label.localToScene(label.getLayoutBounds());
                for (Node box : boxes) {
                    if (box.localToScene(box.getLayoutBounds()).intersects(text)) {
                        covered.add(label.getText() + " under " + box.getId());
                    }
                }
            }
        });
        // 6 shapes; gradients on the 4 edges on a path to w or b (none leave x or y, which need no grad)
        assertEquals(10, labels[0]);
        assertTrue(covered.isEmpty(), covered.toString());
    }

    @Test
    void aLabelWithNoFreePlaceIsNotDrawnOverABoxOrAnotherLabel(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        // the seed squeezed to half its spread: the boxes nearly touch, and the gradients' labels
        // (grad [0.2661, 0.1179, 0.0027]) are wider than the room between them
        robot.interact(() -> {
            Map<String, Position> squeezed = new HashMap<>();
            model.document().positions().forEach((name, p) -> squeezed.put(name, new Position(p.x() / 2, p.y() / 2)));
            model.apply("squeeze", d -> GraphEdits.move(d, squeezed));
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> covered = new ArrayList<>();
        robot.interact(() -> covered.addAll(EdgeLabelOverlaps.of(view.canvas())));
        assertEquals(List.of(), covered);
    }

    @Test
    void noLabelHidesALine(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        // the seed as the example lays it out, and squeezed to half its spread: before, "grad (5, 3) max 0.2661"
        // (w -> xw) sat at its edge's middle across the edge x -> xw, and squeezed, "grad max 0.2661" labels lay
        // across other edges' lines
        List<String> over = new ArrayList<>();
        robot.interact(() -> EdgeLabelChecks.labelsOverEdges(view.canvas()).forEach(p -> over.add("spread: " + p)));
        robot.interact(() -> {
            Map<String, Position> squeezed = new HashMap<>();
            model.document().positions().forEach((name, p) -> squeezed.put(name, new Position(p.x() / 2, p.y() / 2)));
            model.apply("squeeze", d -> GraphEdits.move(d, squeezed));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> EdgeLabelChecks.labelsOverEdges(view.canvas()).forEach(p -> over.add("squeezed: " + p)));
        assertEquals(List.of(), over);
    }
}
