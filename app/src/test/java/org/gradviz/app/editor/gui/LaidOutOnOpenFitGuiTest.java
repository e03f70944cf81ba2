package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A document saved without positions is laid out as it opens, off the FX thread, packed for the canvas when that shows
 * it larger than Graphviz's layers; when the layout arrives the network view is fitted to it, as every document is:
 * each box wholly inside the canvas, the graph as large as the canvas allows. So it stays when the window is resized
 * and when another document is opened.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LaidOutOnOpenFitGuiTest {
    /** Graphviz runs as the {@code dot} program when it is on the PATH, else in the slower embedded engine. */
    private static final long LAYOUT_SECONDS = 30;
    /** A fitted graph spans at least this share of the canvas (less its margins) across or down. */
    private static final double FILLS = 0.85;
    /** The canvas's text at 100 % zoom and text scale, in px. */
    private static final double CANVAS_FONT = 16;

    private Stage stage;
    private EditorModel model;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = new EditorModel();
        this.canvas = ExampleWindow.show(stage, model, 1920, 1080).view().canvas();
    }

    @Test
    void aDocumentWithoutPositionsOpensWithEveryBoxInsideTheCanvasAsLargeAsFits(FxRobot robot) throws Exception {
        GraphDocument doc = open("ngram-view.json");

        assertFitted(robot, doc, "opened at 1920x1080");
        // Graphviz's layers, a chain nine boxes long, would fit this 604 px wide canvas at 0.16 (2.5 px text); packed
        // for it they fit at 0.41
        assertTrue(canvas.zoomFactor() * CANVAS_FONT >= 6, "text of " + canvas.zoomFactor() * CANVAS_FONT + " px");
    }

    @Test
    void theLaidOutDocumentStaysFittedWhenTheWindowIsResized(FxRobot robot) throws Exception {
        GraphDocument doc = open("ngram-view.json");

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        settle();

        assertFitted(robot, doc, "resized to 1280x800");
    }

    @Test
    void aSecondDocumentOpensFittedAfterTheUserZoomedIntoTheFirst(FxRobot robot) throws Exception {
        open("one-layer-bce.json");
        robot.interact(() -> canvas.zoomAt(3, 10, 10));

        GraphDocument second = open("ngram-view.json");

        assertFitted(robot, second, "opened second");
    }

    /** Opens {@code examples/NAME} as File ▸ Open does and waits for its layout to arrive and be drawn. */
    private GraphDocument open(String name) throws Exception {
        Path file = Examples.file(name);
        GraphDocument doc = new DocumentReader().read(file);
        WaitForAsyncUtils.asyncFx(() -> model.load(doc, file)).get();
        WaitForAsyncUtils.waitFor(LAYOUT_SECONDS, TimeUnit.SECONDS,
                () -> model.document().positions() != null && !model.document().positions().isEmpty());
        settle();
        return doc;
    }

    /** Lets the layout passes and the fits they ask for run. */
    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertFitted(FxRobot robot, GraphDocument doc, String when) {
        Map<String, Bounds> boxes = boxes(robot, doc);
        Bounds view = new BoundingBox(0, 0, canvas.getWidth(), canvas.getHeight());
        List<String> outside = new ArrayList<>();
        boxes.forEach((name, b) -> {
            if (!view.contains(b)) {
                outside.add(name + " " + b);
            }
        });
        assertEquals(List.of(), outside, when + ": boxes not wholly inside the canvas " + view + " at zoom "
                + canvas.zoomFactor());
        double minX = boxes.values().stream().mapToDouble(Bounds::getMinX).min().orElseThrow();
        double maxX = boxes.values().stream().mapToDouble(Bounds::getMaxX).max().orElseThrow();
        double minY = boxes.values().stream().mapToDouble(Bounds::getMinY).min().orElseThrow();
        double maxY = boxes.values().stream().mapToDouble(Bounds::getMaxY).max().orElseThrow();
        double room = 2 * GraphCanvas.FIT_MARGIN;
        assertTrue((maxX - minX) >= FILLS * (view.getWidth() - room)
                        || (maxY - minY) >= FILLS * (view.getHeight() - room),
                when + ": the graph (" + (maxX - minX) + " x " + (maxY - minY) + ") does not fill the canvas " + view
                        + " at zoom " + canvas.zoomFactor());
    }

    /** Every box's bounds in the canvas's own coordinates (its visible area is 0..width × 0..height). */
    private Map<String, Bounds> boxes(FxRobot robot, GraphDocument doc) {
        List<String> names = new ArrayList<>();
        doc.tensors().forEach(t -> names.add(t.name()));
        doc.nodes().forEach(n -> names.add(n.name()));
        Map<String, Bounds> boxes = new LinkedHashMap<>();
        for (String name : names) {
            Node view = robot.lookup("#node-" + name).query();
            boxes.put(name, canvas.sceneToLocal(view.localToScene(view.getLayoutBounds())));
        }
        return boxes;
    }
}
