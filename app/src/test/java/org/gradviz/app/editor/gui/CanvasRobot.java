package org.gradviz.app.editor.gui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the canvas GUI tests do with the keyboard and mouse, and where they find the boxes on screen. */
final class CanvasRobot {
    private CanvasRobot() {
    }

    /** Box {@code name}'s bounds on screen (id {@code node-NAME}). */
    static Bounds box(FxRobot robot, String name) {
        Node view = robot.lookup("#node-" + name).query();
        return view.localToScreen(view.getLayoutBounds());
    }

    /** Gives the canvas the keyboard as the user does: a click near its bottom right corner, where no box is. */
    static void focus(FxRobot robot, Node canvas) {
        robot.clickOn(robot.point(canvas).atPosition(Pos.BOTTOM_RIGHT).atOffset(new Point2D(-20, -20)).query(),
                MouseButton.PRIMARY);
    }

    /** Ctrl+{@code key}: the menu shortcut on Linux and Windows. */
    static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
