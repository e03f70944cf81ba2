package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The gradients of prod and cumprod where an input is 0, derived by hand. */
class ProductsTest {

    private static Tensor leaf(double... v) {
        return Tensor.fromData(Shape.of(v.length), DType.FLOAT64, v).requiresGrad_(true);
    }

    @Test
    void prodGradientAtASingleZeroIsTheProductOfTheOthers() {
        Tensor x = leaf(2, 0, 3);
        Products.prod(x).backward();
        // d(x0 x1 x2)/dx = (x1 x2, x0 x2, x0 x1) = (0, 6, 0)
        assertArrayEquals(new double[] {0, 6, 0}, x.grad().data());
    }

    @Test
    void prodGradientWithTwoZerosIsZero() {
        Tensor x = leaf(0, 5, 0);
        Products.prod(x).backward();
        assertArrayEquals(new double[] {0, 0, 0}, x.grad().data());
    }

    @Test
    void cumprodGradientThroughAZero() {
        Tensor x = leaf(2, 0, 3);
        Products.cumprod(x, 0).sum().backward();
        // sum = x0 + x0 x1 + x0 x1 x2: d/dx0 = 1 + x1 + x1 x2 = 1, d/dx1 = x0 + x0 x2 = 8, d/dx2 = x0 x1 = 0
        assertArrayEquals(new double[] {1, 8, 0}, x.grad().data());
    }

    @Test
    void cumprodGradientBeyondTheSecondZeroIsZero() {
        Tensor x = leaf(3, 0, 2, 0, 5);
        Products.cumprod(x, 0).sum().backward();
        // outputs (3, 0, 0, 0, 0) + derivatives: d/dx0 = 1 + x1(...) = 1; d/dx1 = x0 + x0 x2 + x0 x2 x3 + ... = 3 + 6 = 9;
        // d/dx2 = x0 x1 (...) = 0; d/dx3 = x0 x1 x2 (...) = 0; d/dx4 = 0
        assertArrayEquals(new double[] {1, 9, 0, 0, 0}, x.grad().data());
    }
}
