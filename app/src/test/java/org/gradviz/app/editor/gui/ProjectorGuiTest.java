package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.document.Theme;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.shell.MainWindowView;
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
class ProjectorGuiTest {
    private Stage stage;
    private MainWindowView view;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ExampleWindow window = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1280, 720);
        this.view = window.view();
        this.model = window.model();
    }

    @Test
    void presentingTheNetworkViewWithLargerTextMakesItsNumbersReadableAndKeepsItOnScreen(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        var ownLayout = model.document().positions();
        int edits = model.history().undoSize();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // the menus are hidden, not gone: their keys still work while presenting
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#autograd-view").tryQuery().map(n -> n.getScene() == null).orElse(true),
                "Ctrl+5 hid the autograd view while presenting");
        assertEquals(1280, stage.getScene().getWidth(), 0.5);
        assertEquals(720, stage.getScene().getHeight(), 0.5);
        double normal = settledGridNumbers(robot);

        for (int press = 0; press < 5; press++) { // 110, 125, 150, 175, 200 %
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS)
                    .release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(2.0, model.display().fontScale(), 1e-9);
        double large = settledGridNumbers(robot);

        assertFalse(overlapping(robot), "the boxes were laid out again for their larger text");
        assertTrue(everyBoxOnScreen(robot), "the whole network still fits the screen");
        // before the network was packed for the screen: 10.6 px at 100 %, 14.9 px at 200 % (a layered layout)
        assertTrue(normal >= 15, "grid numbers at 100 %: " + normal + " px");
        assertTrue(large >= 18, "grid numbers at 200 %: " + large + " px (at 100 %: " + normal + " px)");
        assertTrue(model.player().recordingProperty().get() != null, "packing the boxes kept the recorded pass");
        for (Theme theme : Theme.values()) {
            robot.interact(() -> model.display().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                    "projector-1280x720-200pct-" + theme.id() + ".png")));
        }
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.isPresenting());
        assertEquals(ownLayout, model.document().positions(), "leaving put every box back where it was");
        assertEquals(edits, model.history().undoSize(), "and left nothing to undo");
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

    private boolean everyBoxOnScreen(FxRobot robot) {
        boolean[] inside = {true};
        robot.interact(() -> robot.lookup(".graph-node").queryAll().forEach(n -> {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            inside[0] &= b.getMinX() >= -1 && b.getMinY() >= -1 && b.getMaxX() <= 1281 && b.getMaxY() <= 721;
        }));
        return inside[0];
    }
}
