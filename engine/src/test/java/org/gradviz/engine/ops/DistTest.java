package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;

/** dist's p-norms of a - b and their gradients, derived by hand (a - b = (3, -4, 0) throughout). */
class DistTest {

    private static Tensor a() {
        return Tensor.fromData(Shape.of(3), DType.FLOAT64, new double[] {4, -2, 1}).requiresGrad_(true);
    }

    private static Tensor b() {
        return Tensor.fromData(Shape.of(3), DType.FLOAT64, new double[] {1, 2, 1}).requiresGrad_(true);
    }

    @Test
    void normsOfTheDifference() {
        assertEquals(5, Dist.dist(a(), b(), 2).item());
        assertEquals(7, Dist.dist(a(), b(), 1).item());
        assertEquals(4, Dist.dist(a(), b(), Double.POSITIVE_INFINITY).item());
        assertEquals(0, Dist.dist(a(), b(), Double.NEGATIVE_INFINITY).item());
        assertEquals(2, Dist.dist(a(), b(), 0).item());
        // (27 + 64)^(1/3)
        assertEquals(Math.cbrt(91), Dist.dist(a(), b(), 3).item(), 1e-15);
    }

    @Test
    void twoNormGradientIsTheUnitDifference() {
        Tensor a = a();
        Tensor b = b();
        Tensor d = Dist.dist(a, b, 2);
        assertEquals("DistBackward0", d.gradFn().name());
        d.backward();
        // d‖a - b‖/da = (a - b) / ‖a - b‖, and its negation for b
        assertArrayEquals(new double[] {0.6, -0.8, 0}, a.grad().data(), 1e-15);
        assertArrayEquals(new double[] {-0.6, 0.8, -0}, b.grad().data(), 1e-15);
    }

    @Test
    void infinityNormGradientGoesToTheLargestDifference() {
        Tensor a = a();
        Dist.dist(a, b(), Double.POSITIVE_INFINITY).backward();
        // |a - b| is largest (4) at the second element, where a - b is negative
        assertArrayEquals(new double[] {0, -1, 0}, a.grad().data());
    }

    @Test
    void aBroadcastOperandsGradientIsSummed() {
        Tensor rows = Tensor.fromData(Shape.of(2, 2), DType.FLOAT64, new double[] {3, 0, 3, 0}).requiresGrad_(true);
        Tensor row = Tensor.fromData(Shape.of(2), DType.FLOAT64, new double[] {0, 4}).requiresGrad_(true);
        Dist.dist(rows, row, 1).backward();
        // sgn(rows - row) = [[1, -1], [1, -1]]; the row's gradient is minus its column sums
        assertArrayEquals(new double[] {1, -1, 1, -1}, rows.grad().data());
        assertArrayEquals(new double[] {-2, 2}, row.grad().data());
    }

    @Test
    void zeroNormHasNoGradientAndFailsForTheOtherOperand() {
        Tensor a = a();
        Dist.dist(a, b().detach(), 0).backward();
        assertNull(a.gradOrNull());
        TorchException e = assertThrows(TorchException.class, () -> Dist.dist(a(), b(), 0).backward());
        assertEquals("Expected a proper Tensor but got None (or an undefined Tensor in C++) for argument #0 'self'",
                e.getMessage());
    }

    @Test
    void float32TwoNormRoundsLikeTorchsEightLanes() {
        // 9 ones: eight lanes of 1 folded to 8, then the one tail element fused: sqrt(9) = 3 exactly
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        Tensor x = Tensor.fromFloats(Shape.of(9), ones);
        assertEquals(3.0, NormReduce.norm(x, 2, new boolean[] {true})[0]);
    }

    @Test
    void integerOperandsAreRefused() {
        Tensor i = Tensor.fromData(Shape.of(1), DType.INT64, new double[] {1});
        TorchException e = assertThrows(TorchException.class, () -> Dist.dist(i, i, 2));
        assertEquals("norm(): input dtype should be either floating point or complex. Got Long instead.",
                e.getMessage());
    }
}
