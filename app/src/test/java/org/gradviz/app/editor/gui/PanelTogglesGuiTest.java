package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Canvas Only (Ctrl+Shift+F) hides the palette, the inspector and the console so the example is drawn large
 * for a projector; pressing it again brings them all back.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PanelTogglesGuiTest {
    private Stage stage;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindowView view = ExampleWindow.open(stage, "one-layer-bce.json", 1920, 1080).view();
        view.setAutogradViewShown(false); // the network view alone, as View ▸ Autograd View (Ctrl+5) leaves it
        canvas = view.canvas();
    }

    @Test
    void canvasOnlyGivesTheBoxesTheWholeWindowAndComesBack(FxRobot robot) {
        robot.interact(canvas::fit);
        double withPanels = canvas.zoomFactor();
        assertTrue(robot.lookup("#inspector").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(robot.lookup("#inspector").tryQuery().isPresent());
        assertFalse(robot.lookup("#console-lines").tryQuery().isPresent());
        assertEquals(stage.getScene().getWidth(), canvas.getWidth(), 1.0);
        // fit takes the smaller of the two scales, each at most 150 %: work it out from the boxes drawn
        Bounds boxes = boxesOnCanvas(robot);
        double expected = Math.min(1.5, Math.min((canvas.getWidth() - 80) / (boxes.getWidth() / canvas.zoomFactor()),
                (canvas.getHeight() - 80) / (boxes.getHeight() / canvas.zoomFactor())));
        assertEquals(expected, canvas.zoomFactor(), 1e-6);
        assertTrue(canvas.zoomFactor() > 1.3 * withPanels, canvas.zoomFactor() + " vs " + withPanels);
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots", "canvas-only.png")));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#inspector").tryQuery().isPresent());
        assertTrue(robot.lookup("#console-lines").tryQuery().isPresent());
        assertEquals(withPanels, canvas.zoomFactor(), 1e-6);
    }

    @Test
    void eachPanelHasItsOwnShortcut(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#inspector").tryQuery().isPresent());
        assertTrue(robot.lookup("#console-lines").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#inspector").tryQuery().isPresent());
    }

    @Test
    void aResizedWindowFitsAgainUntilTheUserZooms(FxRobot robot) {
        robot.interact(canvas::fit);
        double wide = canvas.zoomFactor();

        robot.interact(() -> stage.setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        double narrow = canvas.zoomFactor();
        assertTrue(narrow < wide, narrow + " should be less than " + wide);

        CanvasRobot.focus(robot, canvas);
        CanvasRobot.shortcut(robot, KeyCode.EQUALS);
        assertEquals(narrow * 1.25, canvas.zoomFactor(), 1e-9);
        robot.interact(() -> stage.setWidth(1920));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(narrow * 1.25, canvas.zoomFactor(), 1e-9);
    }

    /** The union of every box's bounds, in canvas pixels. */
    private Bounds boxesOnCanvas(FxRobot robot) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String name : new String[] {"x", "w", "xw", "b", "z", "y", "loss"}) {
            Bounds b = canvas.screenToLocal(CanvasRobot.box(robot, name));
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
