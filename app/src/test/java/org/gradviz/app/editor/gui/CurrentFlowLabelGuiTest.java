package org.gradviz.app.editor.gui;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Presenting the seed network's backward pass full screen at 1920x1080, at every step that sends a gradient along
 * an edge, that edge's orange gradient label is shown inside the network view, over no box, clear of the lens and
 * the player bar.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CurrentFlowLabelGuiTest extends FittedExampleTest {

    CurrentFlowLabelGuiTest() {
        super(1920, 1080);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theCurrentGradientLabelShowsClearOfEverythingAtEveryStep(FxRobot robot) {
        Assertions.assertEquals(List.of(),
                CurrentFlowLabel.problemsWhileStepping(robot, this, 0, "current-flow-label-1920x1080.png"));
    }
}
