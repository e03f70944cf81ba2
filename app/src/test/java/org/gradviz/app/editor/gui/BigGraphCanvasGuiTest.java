package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.gradviz.app.document.ChainDocuments;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A graph of 3,000 boxes in the window: fitted, it is drawn whole as one overview picture (no box is a control, so it
 * opens in a fraction of the time 3,000 styled boxes take); zoomed in, only the boxes in view (and the ends of the
 * connections crossing it) become controls, each at the size its look was measured at.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class BigGraphCanvasGuiTest {
    private static final int BOXES = 3_000;
    private static final String LAST = ChainDocuments.op(BOXES - 1);

    private EditorModel model;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        model = new EditorModel(ChainDocuments.chain(BOXES), null);
        ExampleWindow window = ExampleWindow.show(stage, model, 1600, 1000);
        window.view().setAutogradViewShown(false);
        canvas = window.view().canvas();
    }

    private void fit(FxRobot robot) {
        robot.interact(canvas::fit);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fittedTheWholeChainIsInSightAsAPictureWithNoBoxControls(FxRobot robot) {
        fit(robot);

        assertTrue(canvas.showsOverview(), "3,000 boxes fitted are a few pixels each: drawn as the overview");
        assertEquals(0, canvas.boxControls());
        assertEquals(BOXES, inSight(robot));
        assertTrue(robot.lookup(".graph-node").queryAll().isEmpty());
    }

    @Test
    void theOverviewPaintsEachBoxInItsRolesColour(FxRobot robot) {
        fit(robot);
        Map<String, Bounds> boxes = boundsOnCanvas(robot, List.of("x", LAST, ChainDocuments.op(1500)));

        WritableImage picture = snapshot(robot, "big-graph-overview.png");

        // boxes a few pixels big are spots: x is a parameter (torchviz's lightblue, #add8e6), the chain's last op
        // the output (#caff70)
        assertColour(Color.web("#add8e6"), picture, boxes.get("x"));
        assertColour(Color.web("#caff70"), picture, boxes.get(LAST));

        // at 30 % an op box is white inside (its outline, grey, is a pixel wide)
        String op = ChainDocuments.op(1500);
        robot.interact(() -> {
            Bounds box = boundsOnCanvasNow(op);
            canvas.zoomAt(0.3 / canvas.zoomFactor(), box.getCenterX(), box.getCenterY());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds nearer = boundsOnCanvas(robot, List.of(op)).get(op);
        WritableImage closer = snapshot(robot, "big-graph-overview-30.png");
        assertColour(Color.WHITE, closer, nearer);
    }

    @Test
    void theBoxThePlayersStepIsAtWearsItsOrangeRingInTheOverview(FxRobot robot) {
        fit(robot);
        // backward starts at the end of the chain: its last row of boxes, on the canvas, and a ring's width around
        Map<String, Bounds> ends = boundsOnCanvas(robot, List.of(LAST, ChainDocuments.op(BOXES - 20)));
        Bounds lastRow = new javafx.geometry.BoundingBox(ends.get(ChainDocuments.op(BOXES - 20)).getMinX() - 12,
                ends.get(LAST).getMinY() - 12, 10_000, ends.get(LAST).getHeight() + 24);
        WritableImage before = snapshot(robot, "big-graph-overview-before-run.png");
        assertEquals(0, pixels(before, ORANGE, lastRow), "no step yet, no ring");

        robot.interact(() -> {
            model.forward();
            model.backward();
            model.player().pause();
            model.player().seek(4); // some way into the backward pass, a MulBackward0 at the end of the chain
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage during = snapshot(robot, "big-graph-overview-step.png");

        assertTrue(canvas.showsOverview());
        int ring = pixels(during, ORANGE, lastRow);
        assertTrue(ring > 20, "the ring, #e69f00, at least 4 px wide, around a box of the last row: " + ring);
    }

    /** The ring of the box the engine is at ({@code .graph-node:active}). */
    private static final Color ORANGE = Color.web("#e69f00");

    private static int pixels(WritableImage image, Color colour, Bounds area) {
        int count = 0;
        for (int y = (int) Math.max(0, area.getMinY()); y < Math.min(image.getHeight(), area.getMaxY()); y++) {
            for (int x = (int) Math.max(0, area.getMinX()); x < Math.min(image.getWidth(), area.getMaxX()); x++) {
                count += image.getPixelReader().getColor(x, y).equals(colour) ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void zoomedToABoxOnlyTheBoxesInViewBecomeControlsOfTheirMeasuredSize(FxRobot robot) {
        fit(robot);
        Map<String, double[]> estimated = sizes(robot);

        robot.interact(() -> canvas.zoomToBox(LAST));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(canvas.showsOverview());
        assertEquals(1.0, canvas.zoomFactor(), 1e-9);
        Node last = robot.lookup("#node-" + LAST).query();
        assertNotNull(last);
        assertNull(robot.lookup("#node-" + ChainDocuments.op(1)).tryQuery().orElse(null), "far away: not a control");
        // the view is 1,600 wide at most: 20 boxes a row 300 apart, 260 apart in height; a few rows
        assertTrue(canvas.boxControls() > 3 && canvas.boxControls() < 120, "controls: " + canvas.boxControls());
        // a box drawn as a control is as big as its look was measured before it was one
        Bounds drawn = last.getBoundsInParent();
        assertEquals(estimated.get(LAST)[0], drawn.getWidth(), 0.5);
        assertEquals(estimated.get(LAST)[1], drawn.getHeight(), 0.5);
        snapshot(robot, "big-graph-zoomed.png");
    }

    @Test
    void movingTheViewAcrossTheGraphDrawsTheBoxesArrivingAndDropsThoseLeaving(FxRobot robot) {
        fit(robot);
        robot.interact(() -> canvas.zoomToBox(LAST));
        WaitForAsyncUtils.waitForFxEvents();
        int near = canvas.boxControls();

        robot.interact(() -> canvas.zoomToBox(ChainDocuments.op(1)));
        WaitForAsyncUtils.waitForFxEvents();

        assertNotNull(robot.lookup("#node-" + ChainDocuments.op(1)).tryQuery().orElse(null));
        assertNotNull(robot.lookup("#node-x").tryQuery().orElse(null), "x is beside m1");
        assertNull(robot.lookup("#node-" + LAST).tryQuery().orElse(null), "left behind: no longer a control");
        assertTrue(canvas.boxControls() < 120 && near < 120, canvas.boxControls() + " and " + near);
        // the connection x -> m1 is drawn between the two controls
        assertNotNull(robot.lookup("#edge-x-" + ChainDocuments.op(1) + "-input").tryQuery().orElse(null));
    }

    @Test
    void aClickOnTheOverviewSelectsTheBoxUnderIt(FxRobot robot) {
        fit(robot);
        String middle = ChainDocuments.op(1510);
        // at 30 % the text would be 5 px high: still the overview, boxes about 60 px wide
        robot.interact(() -> {
            Bounds box = boundsOnCanvasNow(middle);
            canvas.zoomAt(0.3 / canvas.zoomFactor(), box.getCenterX(), box.getCenterY());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(canvas.showsOverview());
        Bounds box = boundsOnCanvas(robot, List.of(middle)).get(middle);
        Point2D[] onScreen = new Point2D[1];
        robot.interact(() -> onScreen[0] = canvas.localToScreen(box.getCenterX(), box.getCenterY()));

        robot.clickOn(onScreen[0]);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(middle), List.copyOf(model.selection()));
    }

    // ----- helpers

    private int inSight(FxRobot robot) {
        int[] count = new int[1];
        robot.interact(() -> count[0] = canvas.boxesInSight());
        return count[0];
    }

    private Map<String, double[]> sizes(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Map<String, double[]>[] sizes = new Map[1];
        robot.interact(() -> sizes[0] = canvas.boxSizes());
        return sizes[0];
    }

    /** Where {@code name}'s box is on the canvas (its pixels); on the FX thread. */
    private Bounds boundsOnCanvasNow(String name) {
        var p = model.document().positions().get(name);
        double[] size = canvas.boxSizes().get(name);
        return canvas.drawing().localToParent(new javafx.geometry.BoundingBox(p.x(), p.y(), size[0], size[1]));
    }

    /** Where the boxes are on the canvas (its pixels), from their document places and sizes. */
    private Map<String, Bounds> boundsOnCanvas(FxRobot robot, List<String> names) {
        Map<String, double[]> sizes = sizes(robot);
        Map<String, Bounds> on = new java.util.LinkedHashMap<>();
        robot.interact(() -> {
            for (String name : names) {
                var p = model.document().positions().get(name);
                double[] size = sizes.get(name);
                Bounds inDrawing = new javafx.geometry.BoundingBox(p.x(), p.y(), size[0], size[1]);
                on.put(name, canvas.drawing().localToParent(inDrawing));
            }
        });
        return on;
    }

    private WritableImage snapshot(FxRobot robot, String png) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            image[0] = canvas.snapshot(null, null);
            SceneSnapshot.writePng(canvas.getScene(), Path.of("target", "gui-snapshots", png));
        });
        return image[0];
    }

    /** A pixel wholly inside {@code box} (canvas pixels) is {@code expected} (its edges blend with what is around). */
    private static void assertColour(Color expected, WritableImage picture, Bounds box) {
        List<String> seen = new java.util.ArrayList<>();
        for (int y = (int) Math.ceil(box.getMinY()); y + 1 <= box.getMaxY(); y++) {
            for (int x = (int) Math.ceil(box.getMinX()); x + 1 <= box.getMaxX(); x++) {
                Color c = picture.getPixelReader().getColor(x, y);
                if (c.equals(expected)) {
                    return;
                }
                seen.add(c.toString());
            }
        }
        throw new AssertionError("no " + expected + " inside " + box + ", saw " + seen);
    }
}
