package org.gradviz.app.editor.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The step under the mouse on the loss curve: the plot runs from x = 80 to width − 24 (its margins). */
class LossChartTest {

    @Test
    void leftEdgeIsStepOneAndRightEdgeTheLastStep() {
        assertEquals(1, LossChart.stepAt(80, 1104, 100));
        assertEquals(100, LossChart.stepAt(1080, 1104, 100));
    }

    @Test
    void theMiddleOfTheCurveIsTheMiddleStep() {
        // x = 580 is half of the 1000-pixel plot: step 1 + round(0.5 × 99) = 51 (Math.round rounds .5 up)
        assertEquals(51, LossChart.stepAt(580, 1104, 100));
    }

    @Test
    void outsideThePlotOrWithoutStepsThereIsNone() {
        assertEquals(0, LossChart.stepAt(20, 1104, 100));
        assertEquals(0, LossChart.stepAt(1100, 1104, 100));
        assertEquals(0, LossChart.stepAt(500, 1104, 0));
    }
}
