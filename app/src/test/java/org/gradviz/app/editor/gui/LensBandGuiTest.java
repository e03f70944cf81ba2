package org.gradviz.app.editor.gui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Presenting the seed network's backward pass full screen at 1920x1080, the chain-rule lens covers no box and no
 * label of either view at any step, at the normal text size and at the largest.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LensBandGuiTest extends FittedExampleTest {

    LensBandGuiTest() {
        super(1920, 1080);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theLensCoversNothingAndIsReadableFromTheBackAtAnyStepOfThePass(FxRobot robot) {
        LensClearance.coversNothingAndReads(robot, this, 0, 20, "lens-band-1920x1080.png");
    }

    @Test
    void atTheLargestTextTheLensCoversNothingAtAnyStep(FxRobot robot) {
        LensClearance.coversNothing(robot, this, true, 7, "lens-band-1920x1080-300pct.png"); // 300 %
    }

    @Test
    void besideTheAutogradViewTheLensCoversNothingOfEitherView(FxRobot robot) {
        LensClearance.coversNothing(robot, this, false, 0, "lens-band-1920x1080-both.png");
    }
}
