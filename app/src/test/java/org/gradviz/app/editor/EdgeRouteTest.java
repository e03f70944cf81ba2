package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdgeRouteTest {
    // a producer box (0, 0)-(100, 50) with its output port at (90, 25)
    private static final double[] PRODUCER = {0, 0, 100, 50};
    private static final double[] OUT = {90, 25};

    @Test
    void anInputRightOfItsProducerGetsOneSCurveLeavingAndEnteringSideways() {
        double[] consumer = {200, 100, 300, 150};
        EdgeRoute route = EdgeRoute.between(OUT, new double[] {210, 125}, PRODUCER, consumer, 10);
        assertFalse(route.wraps());
        // bend = max(80, 120 / 2, 100 / 3) = 80: the controls level with each port, 80 to its side
        assertArrayEquals(new double[] {90, 25, 170, 25, 130, 125, 210, 125}, route.pieces().get(0), 1e-9);
    }

    @Test
    void anInputBelowItsProducerAndNotRightOfItWrapsBesideTheBoxesNeverThroughThem() {
        // the consumer right under the producer, 20 below it: out right of the producer (x 110), across 10 above
        // the consumer (y 60), down left of it (x -10), in
        double[] consumer = {0, 70, 100, 120};
        double[] in = {10, 95};
        EdgeRoute route = EdgeRoute.between(OUT, in, PRODUCER, consumer, 10);
        assertTrue(route.wraps());
        assertArrayEquals(OUT, route.at(0), 1e-9);
        assertArrayEquals(in, route.at(1), 1e-9);
        double right = -Double.MAX_VALUE;
        double left = Double.MAX_VALUE;
        for (double[] p : route.points(8)) {
            // inside a box only between its port and its side: never across it
            boolean acrossProducer = p[0] < 90 - 1e-9 && p[1] > 0 && p[1] < 50;
            boolean acrossConsumer = p[0] > 10 + 1e-9 && p[0] < 100 && p[1] > 70 && p[1] < 120;
            assertFalse(acrossProducer || acrossConsumer, "the route crosses a box at " + p[0] + ", " + p[1]);
            right = Math.max(right, p[0]);
            left = Math.min(left, p[0]);
        }
        assertEquals(110, right, 1e-9);
        assertEquals(-10, left, 1e-9);
        // the run back left is at y 60, between the boxes
        assertEquals(60, route.at(0.5)[1], 1e-9);
    }

    @Test
    void theWayBackRunsTheSamePointsFromTheInput() {
        EdgeRoute route = EdgeRoute.between(OUT, new double[] {10, 95}, PRODUCER, new double[] {0, 70, 100, 120}, 10);
        EdgeRoute back = route.reversed();
        assertArrayEquals(route.at(1), back.at(0), 1e-9);
        assertArrayEquals(route.at(0), back.at(1), 1e-9);
        assertEquals(route.pieces().size(), back.pieces().size());
    }
}
