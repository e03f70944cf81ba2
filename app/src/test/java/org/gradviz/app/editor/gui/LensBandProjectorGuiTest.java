package org.gradviz.app.editor.gui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Presenting the seed network's backward pass on a 1280x720 projector (this class runs on a screen of that size,
 * pom.xml's "projector"), the chain-rule lens covers no box and no label at any step. Before, packed for the screen,
 * the network left no free space and at step 8 (AddBackward0) the lens covered x's box and xw's edge labels.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LensBandProjectorGuiTest extends FittedExampleTest {

    LensBandProjectorGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theLensCoversNothingAtAnyStepOfThePass(FxRobot robot) {
        LensClearance.coversNothing(robot, this, true, 0, "lens-band-1280x720.png");
    }

    @Test
    void atLargerTextTheLensCoversNothingAtAnyStep(FxRobot robot) {
        LensClearance.coversNothing(robot, this, true, 3, "lens-band-1280x720-150pct.png"); // 150 %
    }

    @Test
    void atTheLargestTextTheLensCoversNothingAtAnyStep(FxRobot robot) {
        LensClearance.coversNothing(robot, this, true, 7, "lens-band-1280x720-300pct.png"); // 300 %
    }
}
