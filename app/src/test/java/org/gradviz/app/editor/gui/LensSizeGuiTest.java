package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chain-rule lens in a normal 1280x720 window at 100 % text: a panel beside the node, not a sheet over the
 * graph. Before, it never shrank below its own size (566 x 236 px over views of 572 x 345 px: two thirds of them)
 * and so covered the node it explains in the autograd view too.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LensSizeGuiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ExampleWindow.openFitted(stage, "one-layer-bce.json", 1280, 720);
    }

    @Test
    void inANormalWindowTheLensTakesAtMostAThirdOfTheViewsAndLeavesItsNodeInSight(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.HOME);
        javafx.scene.Node lens = robot.lookup("#lens-panel").query();
        String title = LectureKeys.stepUntilLensShows(robot, "AddBackward0");
        assertEquals("AddBackward0", title, "the pass reached z's add");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                "lens-normal-1280x720.png")));
        Bounds at = lens.localToScene(lens.getLayoutBounds());
        Bounds views = lens.getParent().localToScene(lens.getParent().getLayoutBounds());
        double share = at.getWidth() * at.getHeight() / (views.getWidth() * views.getHeight());
        String figures = "lens " + Math.round(at.getWidth()) + " x " + Math.round(at.getHeight()) + " px over views of "
                + Math.round(views.getWidth()) + " x " + Math.round(views.getHeight()) + " px";
        System.out.println(figures + " (" + Math.round(100 * share) + " %)");
        assertTrue(share <= 1.0 / 3, figures);
        // readable: its smallest text (the lines under the title, 16 px at 100 %) at least 11 px on the screen
        double scale = lens.getLocalToSceneTransform().getMxx();
        Label line = robot.lookup("#lens-panel .lens-product").queryAs(Label.class);
        assertTrue(line.getFont().getSize() * scale >= 11, "lens text " + line.getFont().getSize() * scale + " px");
        Bounds node = autogradBox(robot, "AddBackward0");
        assertFalse(at.intersects(node), "the lens leaves AddBackward0's box in the autograd view in sight");
        // and the boxes it sends to: SqueezeBackward3 (of xw) and b's AccumulateGrad, in the row above it
        Bounds squeeze = autogradBox(robot, "SqueezeBackward3");
        assertFalse(at.intersects(squeeze), "and SqueezeBackward3's");
        for (Node grad : robot.lookup("#autograd-view .autograd-label")
                .match((javafx.scene.text.Text t) -> t.getText().equals("AccumulateGrad")).queryAll()) {
            Bounds b = grad.getParent().localToScene(grad.getParent().getLayoutBounds());
            if (Math.abs(b.getMinY() - squeeze.getMinY()) < 2) {
                assertFalse(at.intersects(b), "and b's AccumulateGrad's");
            }
        }
    }

    private static Bounds autogradBox(FxRobot robot, String name) {
        Node box = robot.lookup("#autograd-view .autograd-label")
                .match((javafx.scene.text.Text t) -> t.getText().equals(name)).query().getParent();
        return box.localToScene(box.getLayoutBounds());
    }
}
