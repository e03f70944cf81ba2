package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A box's right-click menu (made when asked for, not one popup per box): Backward from here and Delete act. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CanvasContextMenuGuiTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1600, 1000).model();
    }

    @Test
    void aBoxsMenuMakesItTheOutputOrDeletesIt(FxRobot robot) {
        requestMenu(robot, "#node-z");
        robot.clickOn("Backward from here");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("z", model.document().output());

        requestMenu(robot, "#node-b");
        robot.clickOn("Delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.document().tensor("b").isEmpty(), "b deleted");
        assertFalse(model.document().edges().stream().anyMatch(e -> e.from().equals("b")), "with its edge");
    }

    /** What a right click (or the menu key) asks of the box: the headless robot's click does not ask it. */
    private static void requestMenu(FxRobot robot, String box) {
        javafx.scene.Node node = robot.lookup(box).query();
        robot.interact(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getLayoutBounds());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5, b.getMinY() + 5,
                    false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
