package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.document.Theme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seed network projected on a 1280x720 screen (a common lecture-hall projector): this class runs in its own
 * surefire execution whose headless screen is that size (pom.xml, "projector"), so presentation mode's full screen
 * is the projector's. Sizes are measured on the screen: font size times every scale above the text.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ProjectorGuiTest extends FittedExampleTest {

    ProjectorGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void presentingTheNetworkViewWithLargerTextMakesItsNumbersReadableAndKeepsItOnScreen(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        var ownLayout = model.document().positions();
        int edits = model.history().undoSize();
        LectureKeys.present(robot);
        WaitForAsyncUtils.waitForFxEvents();
        // the menus are hidden, not gone: their keys still work while presenting
        LectureKeys.networkViewOnly(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#autograd-view").tryQuery().map(n -> n.getScene() == null).orElse(true),
                "Ctrl+5 hid the autograd view while presenting");
        assertEquals(1280, stage.getScene().getWidth(), 0.5);
        assertEquals(720, stage.getScene().getHeight(), 0.5);
        double normal = settledGridNumbers(robot);

        largerText(robot, 5); // 110, 125, 150, 175, 200 %
        assertEquals(2.0, model.display().fontScale(), 1e-9);
        double large = settledGridNumbers(robot);
        checkPicture(robot, "200pct");
        largerText(robot, 2); // 250, 300 %: the largest
        assertEquals(3.0, model.display().fontScale(), 1e-9);
        double largest = settledGridNumbers(robot);
        checkPicture(robot, "300pct");
        // before the network was packed for the screen: 10.6 px at 100 %, 14.9 px at 200 % (a layered layout);
        // packed in lines, edges drawn backwards and labels over boxes: 18.6 px at 200 %; now 24.3 px at 200 %,
        // 25.4 px at 300 %
        String figures = " (100 %: " + normal + " px, 200 %: " + large + " px, 300 %: " + largest + " px)";
        System.out.println("projector 1280x720 grid numbers" + figures);
        assertTrue(normal >= 15, "grid numbers at 100 %" + figures);
        assertTrue(large >= 24, "grid numbers at 200 %" + figures);
        assertTrue(largest >= 24, "grid numbers at the largest text" + figures);
        assertTrue(model.player().recordingProperty().get() != null, "packing the boxes kept the recorded pass");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.isPresenting());
        assertEquals(ownLayout, model.document().positions(), "leaving put every box back where it was");
        assertEquals(edits, model.history().undoSize(), "and left nothing to undo");
    }

    private static void largerText(FxRobot robot, int presses) {
        for (int press = 0; press < presses; press++) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS)
                    .release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * Writes the screen in every theme (target/screenshots/projector-1280x720-PCT-THEME.png) and checks the picture:
     * boxes apart and on screen, every edge forward, no edge label over a box or another label.
     */
    private void checkPicture(FxRobot robot, String pct) {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> model.display().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                    "projector-1280x720-" + pct + "-" + theme.id() + ".png")));
            assertFalse(overlapping(robot), pct + " " + theme + ": the boxes were laid out again for their text");
            assertTrue(everyBoxOnScreen(robot), pct + " " + theme + ": the whole network fits the screen");
            assertEquals(List.of(), backwardEdges(robot), pct + " " + theme + ": edges whose consumer is neither right "
                    + "of nor below its producer");
            assertEquals(List.of(), coveredLabels(robot), pct + " " + theme + ": edge labels over a box or a label");
        }
        robot.interact(() -> model.display().themeProperty().set(Theme.values()[0]));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The smallest grid numbers on screen, once a layout started by the text change has finished and fitted. */
    private double settledGridNumbers(FxRobot robot) {
        for (int wait = 0; wait < 100 && overlapping(robot); wait++) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double[] px = new double[1];
        robot.interact(() -> px[0] = TextHeights.smallestGridNumbers(view.canvas()));
        return px[0];
    }

    private boolean overlapping(FxRobot robot) {
        boolean[] overlap = new boolean[1];
        robot.interact(() -> overlap[0] = view.canvas().boxesOverlap());
        return overlap[0];
    }

    /** Each edge whose consumer's left side is not right of its producer's right side, nor its top below its bottom. */
    private List<String> backwardEdges(FxRobot robot) {
        List<String> backward = new ArrayList<>();
        robot.interact(() -> model.document().edges().forEach(e -> {
            Bounds from = sceneBounds(robot, "#node-" + e.from());
            Bounds to = sceneBounds(robot, "#node-" + e.to());
            if (to.getMinX() <= from.getMaxX() && to.getMinY() <= from.getMaxY()) {
                backward.add(e.from() + "->" + e.to() + " " + from + " " + to);
            }
        }));
        return backward;
    }

    private List<String> coveredLabels(FxRobot robot) {
        List<String> covered = new ArrayList<>();
        robot.interact(() -> covered.addAll(EdgeLabelOverlaps.of(view.canvas())));
        return covered;
    }

    private static Bounds sceneBounds(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n.localToScene(n.getLayoutBounds());
    }

    private boolean everyBoxOnScreen(FxRobot robot) {
        boolean[] inside = {true};
        robot.interact(() -> robot.lookup(".graph-node").queryAll().forEach(n -> {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            inside[0] &= b.getMinX() >= -1 && b.getMinY() >= -1 && b.getMaxX() <= 1281 && b.getMaxY() <= 721;
        }));
        return inside[0];
    }
}
