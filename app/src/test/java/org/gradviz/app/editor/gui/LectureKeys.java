package org.gradviz.app.editor.gui;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The keys a lecturer presses, as the window tests press them: Present, network view only, larger text, stepping. */
final class LectureKeys {
    private LectureKeys() {
    }

    /** Ctrl+Shift+P: presentation mode. */
    static void present(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Ctrl+5: the network view only. */
    static void networkViewOnly(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    }

    /** Ctrl+Shift+= {@code presses} times: 110, 125, 150, 175, 200 % for five. */
    static void largerText(FxRobot robot, int presses) {
        for (int press = 0; press < presses; press++) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS)
                    .release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Steps the pass (→) until the chain-rule lens explains {@code node}, at most 18 steps; the title reached. */
    static String stepUntilLensShows(FxRobot robot, String node) {
        javafx.scene.Node lens = robot.lookup("#lens-panel").query();
        String title = "";
        for (int step = 0; step < 18 && !title.equals(node); step++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            title = lens.isVisible() ? robot.lookup("#lens-panel .lens-title").queryAs(Label.class).getText() : "";
        }
        WaitForAsyncUtils.waitForFxEvents();
        return title;
    }
}
