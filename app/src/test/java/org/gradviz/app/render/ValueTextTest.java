package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void aLabelRoundsATieToEvenAsTorchPrintsIt() {
        // torch.ones(32).div(32).mean() prints tensor(0.0312); torch.tensor([0.09375, -0.03125]) prints
        // tensor([ 0.0938, -0.0312]): 0.03125 and 0.09375 are exact binary ties, rounded to the even digit
        assertEquals(List.of("0.0312"), ValueText.lines(new int[0], new double[] {0.03125}));
        assertEquals(List.of("[0.0938, -0.0312]"), ValueText.lines(new int[] {2}, new double[] {0.09375, -0.03125}));
    }
}
