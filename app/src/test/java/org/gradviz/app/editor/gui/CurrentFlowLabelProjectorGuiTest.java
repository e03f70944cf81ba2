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
 * Presenting the seed network's backward pass on a 1280x720 projector (pom.xml's "projector" screen), at every step
 * that sends a gradient along an edge, that edge's orange gradient label, the step's callout, is shown inside the
 * network view, over no box, clear of the lens and the player bar. Before, with the lens band kept for the whole
 * pass, at step 8 (AddBackward0 sends [0.2661, 0.1179, 0.0027] to b's AccumulateGrad) the other edges' labels had
 * taken the room and the current one was not shown at all.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CurrentFlowLabelProjectorGuiTest extends FittedExampleTest {

    CurrentFlowLabelProjectorGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theCurrentGradientLabelShowsClearOfEverythingAtEveryStep(FxRobot robot) {
        Assertions.assertEquals(List.of(),
                CurrentFlowLabel.problemsWhileStepping(robot, this, 0, "current-flow-label-1280x720.png"));
    }

    @Test
    void atLargerTextTheCurrentGradientLabelShowsAtEveryStep(FxRobot robot) {
        Assertions.assertEquals(List.of(), // 150 %
                CurrentFlowLabel.problemsWhileStepping(robot, this, 3, "current-flow-label-1280x720-150pct.png"));
    }

    @Test
    void atTheLargestTextTheCurrentGradientLabelShowsAtEveryStep(FxRobot robot) {
        Assertions.assertEquals(List.of(), // 300 %
                CurrentFlowLabel.problemsWhileStepping(robot, this, 7, "current-flow-label-1280x720-300pct.png"));
    }
}
