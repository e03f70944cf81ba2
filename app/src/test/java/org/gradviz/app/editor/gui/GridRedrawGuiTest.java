package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.canvas.TensorGrid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * New numbers in the same cells (a step of the player, Train's live boxes) are drawn into the grids already there:
 * no new nodes, so no styling and layout of the whole canvas for every update.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class GridRedrawGuiTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1440, 900).model();
    }

    @Test
    void steppingForwardDrawsZsValueIntoItsGrid(FxRobot robot) {
        robot.clickOn("#graph-canvas");
        robot.type(KeyCode.F5);
        robot.type(KeyCode.HOME); // before Forward's steps: z's cells are empty
        TensorGrid before = zGrid(robot);
        int[] empty = pixels(robot, before);

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();

        TensorGrid after = zGrid(robot);
        assertSame(before, after, "the same grid node");
        assertNotEquals(java.util.Arrays.hashCode(empty), java.util.Arrays.hashCode(pixels(robot, after)),
                "now showing z's numbers");
    }

    private static TensorGrid zGrid(FxRobot robot) {
        return TextHeights.grids(robot.lookup("#node-z").queryAs(Parent.class)).get(0);
    }

    private static int[] pixels(FxRobot robot, TensorGrid grid) {
        int[][] out = new int[1][];
        robot.interact(() -> {
            WritableImage image = grid.snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            out[0] = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out[0],
                    0, w);
        });
        return out[0];
    }
}
