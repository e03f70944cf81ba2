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
 * <p>
 * And the back row reads it: its smallest text is at least as large as the box numbers (and 20 px at the normal text
 * size) with every line whole, and the boxes stay put from the pass's first step to its end. Before, its text was
 * 15 px beside 16.5 px box numbers, and the network was packed again when the band came (step 3) and went (the end).
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
    void theLensCoversNothingAndIsReadableFromTheBackAtAnyStepOfThePass(FxRobot robot) {
        LensClearance.coversNothingAndReads(robot, this, 0, 20, "lens-band-1280x720.png");
    }

    @Test
    void atLargerTextTheLensCoversNothingAndIsReadableAtAnyStep(FxRobot robot) {
        LensClearance.coversNothingAndReads(robot, this, 3, 20, "lens-band-1280x720-150pct.png"); // 150 %
    }

    @Test
    void atTheLargestTextTheLensCoversNothingAndIsReadableAtAnyStep(FxRobot robot) {
        LensClearance.coversNothingAndReads(robot, this, 7, 20, "lens-band-1280x720-300pct.png"); // 300 %
    }
}
