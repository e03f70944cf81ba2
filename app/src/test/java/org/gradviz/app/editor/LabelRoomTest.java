package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelRoomTest {

    /**
     * An edge runs down the 20 wide gap between two boxes that fill the area's width (as AddBackward0's edge to b's
     * AccumulateGrad between b and z at 1280x720); the one place a leader from it reaches is the band between their
     * tops (y 90) and a box above (its bottom at y 62). A 23 high label fits there with a line's clearance (4) above
     * it only at tops 66 to 67, between the search grid's lines (every 11.5 from 0: 57.5 overlaps the box above,
     * 69 reaches 92, into the boxes).
     */
    @Test
    void aCalloutFindsABandBetweenBoxesOnlyALittleTallerThanTheLabel() {
        double[] area = {0, 0, 400, 300};
        List<double[]> boxes = List.of(new double[] {0, 90, 200, 300}, new double[] {220, 90, 400, 300},
                new double[] {150, 0, 300, 62});
        // straight down the gap's middle, from y 150 to 290
        EdgeRoute route = new EdgeRoute(List.of(new double[] {210, 150, 210, 190, 210, 250, 210, 290}));
        LabelRoom room = new LabelRoom(area, boxes, List.of(route), LabelRoom.LINE_CLEARANCE);

        Optional<LabelRoom.Spot> spot = room.callout(route, 100, 23);

        assertTrue(spot.isPresent(), "no place found");
        double[] rect = spot.get().rect();
        assertTrue(rect[1] >= 62 && rect[3] <= 90, "not in the band: " + java.util.Arrays.toString(rect));
    }

    /**
     * An edge runs along the foot of a box with another edge just below it (too close for a label between them), as
     * xw -> z runs beside b -> z in the packed seed network. The nearest places are across the other edge, a leader's
     * length of 16 from it; the nearest a leader reaches without crossing a line is past the edges' ends, 324 away.
     * A leader crossing a line reads as a wire: the label takes the way round. Before, a crossing counted as 150
     * units longer and the label went across the other edge (and a leader through the point where two sampled pieces
     * of the other edge meet, here at 0.2 of both, counted no crossing at all).
     */
    @Test
    void aCalloutTakesALongerLeaderOverOneThatCrossesAnotherEdge() {
        double[] area = {0, 0, 8000, 400};
        List<double[]> boxes = List.of(new double[] {2000, 0, 6000, 95});
        EdgeRoute route = new EdgeRoute(List.of(new double[] {2000, 100, 3000, 100, 5000, 100, 6000, 100}));
        EdgeRoute other = new EdgeRoute(List.of(new double[] {2000, 112, 3000, 112, 5000, 112, 6000, 112}));
        LabelRoom room = new LabelRoom(area, boxes, List.of(route, other), LabelRoom.LINE_CLEARANCE);

        Optional<LabelRoom.Spot> spot = room.callout(route, 100, 23);

        assertTrue(spot.isPresent(), "no place found");
        double[] rect = spot.get().rect();
        assertTrue(rect[2] <= 2000 || rect[0] >= 6000, "across the other edge: " + java.util.Arrays.toString(rect));
    }
}
