package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode: one key hides all chrome and gives the graph the screen; Esc brings everything back. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PresentationModeGuiTest {
    private Stage stage;
    private MainWindowView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.view = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1280, 720).view();
    }

    /** Waits until the packing for the screen, searched off the FX thread, has been applied. */
    private void packed() {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !view.isArrangingForScreen());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the network was not packed for the screen within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlShiftPHidesEveryPanelAndEscRestoresThem(FxRobot robot) {
        assertTrue(present(robot, ".menu-bar"));
        assertTrue(present(robot, "#inspector"));
        assertTrue(present(robot, "#status-message"));
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);

        LectureKeys.present(robot);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(view.isPresenting());
        assertTrue(stage.isFullScreen());
        for (String chrome : new String[] {".menu-bar", "#learning-rate", "#inspector", "#console-lines",
                "#status-message"}) {
            assertFalse(present(robot, chrome), chrome + " hidden");
        }
        assertTrue(present(robot, "#player-caption"), "the player's sentence stays: it says what the engine did");
        assertFalse(present(robot, "#player-scrub"), "the player's buttons go: the presenter steps with the keys");
        SplitPane views = (SplitPane) robot.lookup("#graph-canvas").query().getParent().getParent();
        assertEquals(stage.getScene().getWidth(), views.getWidth(), 1.0, "the graph views take the whole width");
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                "presentation-mode.png")));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(view.isPresenting());
        assertFalse(stage.isFullScreen());
        assertTrue(present(robot, "#player-scrub"), "the player's buttons are back");
        for (String chrome : new String[] {".menu-bar", "#learning-rate", "#inspector", "#console-lines",
                "#status-message"}) {
            assertTrue(present(robot, chrome), chrome + " back");
        }
    }

    /** In the scene and drawn: it and every parent visible. */
    @Test
    void escWhileTheScreenIsBlankOnlyBringsThePictureBack(FxRobot robot) {
        LectureKeys.present(robot);
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isBlanked());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.isBlanked(), "Esc brought the picture back");
        assertTrue(view.isPresenting(), "and did not also leave presentation mode");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.isPresenting(), "the next Esc leaves");
    }

    @Test
    void presentingWithTheAutogradViewHiddenTheLensKeepsOffTheBoxItExplains(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        LectureKeys.present(robot);
        LectureKeys.networkViewOnly(robot);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS); // packed for the screen
        packed();
        robot.type(KeyCode.HOME);
        javafx.scene.Node lens = robot.lookup("#lens-panel").query();
        String title = LectureKeys.stepUntilLensShows(robot, "AddBackward0");
        assertEquals("AddBackward0", title, "the pass reached z's add");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds at = lens.localToScene(lens.getLayoutBounds());
        javafx.scene.Node z = robot.lookup("#node-z").query();
        assertFalse(at.intersects(z.localToScene(z.getLayoutBounds())), "the lens leaves z's numbers visible");
        double boxes = 0;
        double covered = 0;
        for (javafx.scene.Node box : robot.lookup(".graph-node").queryAll()) {
            javafx.geometry.Bounds b = box.localToScene(box.getLayoutBounds());
            boxes += b.getWidth() * b.getHeight();
            double w = Math.min(at.getMaxX(), b.getMaxX()) - Math.max(at.getMinX(), b.getMinX());
            double h = Math.min(at.getMaxY(), b.getMaxY()) - Math.max(at.getMinY(), b.getMinY());
            covered += w > 0 && h > 0 ? w * h : 0;
        }
        // beside z on the right, as it was placed before, it covered 16 % of the boxes' area; now about 1 %
        assertTrue(covered < 0.05 * boxes, "the lens covers " + Math.round(100 * covered / boxes) + " % of the boxes");
    }

    @Test
    void atLargerTextTheLensGrowsAndLeavesTheBoxesItSendsToInSight(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        LectureKeys.present(robot);
        LectureKeys.networkViewOnly(robot);
        LectureKeys.largerText(robot, 5); // 110, 125, 150, 175, 200 %
        WaitForAsyncUtils.sleep(800, java.util.concurrent.TimeUnit.MILLISECONDS); // packed for the screen again
        packed();
        robot.type(KeyCode.HOME);
        javafx.scene.Node lens = robot.lookup("#lens-panel").query();
        String title = LectureKeys.stepUntilLensShows(robot, "AddBackward0");
        assertEquals("AddBackward0", title, "the pass reached z's add, which sends to xw's squeeze and to b");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label titleLabel = robot.lookup("#lens-panel .lens-title")
                .queryAs(javafx.scene.control.Label.class);
        double titlePx = titleLabel.getFont().getSize() * lens.getLocalToSceneTransform().getMxx();
        // the lens's title is 19 px at 100 %: at 200 % it grows as far as half the screen allows
        assertTrue(titlePx >= 1.5 * 19, "the lens title is " + titlePx + " px on screen");
        javafx.geometry.Bounds at = lens.localToScene(lens.getLayoutBounds());
        for (String box : new String[] {"#node-z", "#node-b", "#node-xw"}) {
            javafx.scene.Node n = robot.lookup(box).query();
            assertFalse(at.intersects(n.localToScene(n.getLayoutBounds())), "the lens leaves " + box + " in sight");
        }
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null;
        }).orElse(false);
    }
}
