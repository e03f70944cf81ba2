package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code torch.pow(number, t)}, torch's {@code pow(Scalar self, Tensor exponent)}: PowBackward2, with the exponent
 * its only input, and d(c^b)/db = c^b · ln c (0 where c = 0 and b ≥ 0), derived by hand here.
 */
class PowOfANumberTest {

    private static Tensor leaf(double... values) {
        return Tensor.fromData(Shape.of(values.length), DType.FLOAT64, values).requiresGrad_(true);
    }

    @Test
    void itIsPowBackward2WithTheExponentAsItsOnlyInput() {
        Tensor b = leaf(0.5, -1.0, 3.0);
        Tensor y = Arithmetic.pow(2.0, true, b);
        assertEquals("PowBackward2", y.gradFn().name());
        assertEquals(1, y.gradFn().nextFunctions().size());
        assertEquals(DType.FLOAT64, y.dtype());
        double[] expected = {Math.pow(2, 0.5), 0.5, 8.0};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], y.data()[i], 1e-15);
        }
    }

    @Test
    void theGradientIsThePowerTimesTheLogOfTheNumber() {
        Tensor b = leaf(0.5, -1.0, 3.0);
        Arithmetic.pow(2.5, false, b).sum().backward();
        double[] grad = b.gradOrNull().data();
        double[] values = {0.5, -1.0, 3.0};
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.pow(2.5, values[i]) * Math.log(2.5), grad[i], 1e-12);
        }
    }

    @Test
    void aZeroBaseGivesNoGradientWhereTheExponentIsNotNegative() {
        Tensor b = leaf(0.0, -1.0, 2.0);
        Arithmetic.pow(0.0, true, b).sum().backward();
        double[] grad = b.gradOrNull().data();
        assertEquals(0.0, grad[0]);
        // 0 ** -1 is inf, and inf · ln 0 is -inf, as torch 1.13 gives
        assertEquals(Double.NEGATIVE_INFINITY, grad[1]);
        assertEquals(0.0, grad[2]);
    }
}
