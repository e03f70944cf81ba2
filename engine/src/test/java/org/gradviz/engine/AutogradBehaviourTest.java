package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.gradviz.engine.optim.SGD;
import org.junit.jupiter.api.Test;

/** One behaviour of torch.autograd per test; expected numbers are derived by hand in each test. */
class AutogradBehaviourTest {
    private static final String SECOND_BACKWARD = "Trying to backward through the graph a second time";

    private static Tensor leaf(double... values) {
        return Torch.tensor(Shape.of(values.length), DType.FLOAT64, values).requiresGrad_(true);
    }

    @Test
    void squareOfFourHasGradientEight() {
        Tensor x = Torch.scalar(4.0).requiresGrad_(true);
        x.pow(2).backward();
        assertEquals(8.0, x.grad().item()); // d(x²)/dx = 2x = 8
    }

    @Test
    void secondBackwardWithoutRetainGraphFails() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x).sum();
        y.backward();
        TorchException e = assertThrows(TorchException.class, y::backward);
        assertTrue(e.getMessage().startsWith(SECOND_BACKWARD));
        assertEquals("RuntimeError", e.pythonType());
        assertArrayEquals(new double[] {2, 4, 6}, x.grad().data()); // unchanged by the failed call
    }

    @Test
    void secondBackwardThroughNodesThatSaveNothingSucceeds() {
        Tensor x = leaf(1, 2);
        Tensor y = x.add(1).sum(); // AddBackward0 and SumBackward0 save no tensors: PyTorch allows this
        y.backward();
        y.backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().data());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor x = Torch.scalar(4.0).requiresGrad_(true);
        for (int i = 1; i <= 3; i++) {
            x.pow(2).backward();
            assertEquals(8.0 * i, x.grad().item());
        }
    }

    @Test
    void retainGraphLetsBackwardRunTwiceAndDoublesGradients() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x).sum();
        y.backward(null, true);
        y.backward(null, true);
        assertEquals(12.0, x.grad().item()); // 2 · (2·3)
    }

    @Test
    void gradTensorIsUpdatedInPlaceByLaterBackwards() {
        Tensor x = leaf(1);
        x.mul(3.0).sum().backward();
        Tensor g = x.grad();
        x.mul(3.0).sum().backward();
        assertSame(g, x.grad());
        assertEquals(6.0, g.item());
    }

    @Test
    void zeroResetsTheGradientInPlace() {
        Tensor x = leaf(2);
        x.pow(2).sum().backward();
        x.grad().zero_();
        assertEquals(0.0, x.grad().item());
    }

    @Test
    void implicitGradientOnlyForScalarOutputs() {
        TorchException e = assertThrows(TorchException.class, () -> leaf(1, 2).mul(2.0).backward());
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
    }

    @Test
    void backwardOnTensorThatNeedsNoGradFails() {
        Tensor t = Torch.tensor(1, 2).sum();
        TorchException e = assertThrows(TorchException.class, t::backward);
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
    }

    @Test
    void vectorJacobianProductWeightsEachOutput() {
        Tensor x = leaf(1, 2, 3);
        x.mul(x).backward(Torch.tensor(Shape.of(3), DType.FLOAT64, new double[] {1, 0.5, 2}));
        assertArrayEquals(new double[] {2, 2, 12}, x.grad().data()); // v_i · 2x_i
    }

    @Test
    void gradientOfWrongShapeIsRefusedWithPyTorchMessage() {
        Tensor out = leaf(1, 2, 3).mul(2.0);
        TorchException e = assertThrows(TorchException.class, () -> out.backward(Torch.ones(DType.FLOAT64, 2)));
        assertEquals("Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of "
                + "torch.Size([3]).", e.getMessage());
    }

    @Test
    void noGradScopeRecordsNothingAndRestoresTheMode() {
        Tensor x = leaf(1);
        Tensor y;
        try (var g = GradMode.disabled()) {
            y = x.mul(2.0);
            assertFalse(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
        assertTrue(y.isLeaf());
    }

    @Test
    void detachCutsTheGraphButSharesValues() {
        Tensor y = leaf(4).pow(2);
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertSame(y.data(), d.data());
    }

    @Test
    void requiresGradCannotBeTurnedOffOnANonLeaf() {
        Tensor y = leaf(1).mul(2.0);
        TorchException e = assertThrows(TorchException.class, () -> y.requiresGrad_(false));
        assertTrue(e.getMessage().startsWith("you can only change requires_grad flags of leaf variables."));
    }

    @Test
    void readingGradOfNonLeafWarnsAndGivesNull() {
        Tensor x = leaf(1);
        Tensor y = x.mul(2.0);
        y.sum().backward();
        List<String> warnings = new ArrayList<>();
        var previous = Warnings.setHandler(warnings::add);
        try {
            assertNull(y.grad());
        } finally {
            Warnings.setHandler(previous);
        }
        assertEquals(List.of(Warnings.NON_LEAF_GRAD), warnings);
    }

    @Test
    void retainGradKeepsTheGradientOfANonLeaf() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(3.0);
        y.retainGrad();
        y.pow(2).sum().backward();
        assertArrayEquals(new double[] {6, 12}, y.grad().data()); // d(y²)/dy = 2y
        assertArrayEquals(new double[] {18, 36}, x.grad().data()); // · 3
    }

    @Test
    void reluHasZeroGradientAtZero() {
        Tensor x = leaf(-1, 0, 2);
        x.relu().sum().backward();
        assertArrayEquals(new double[] {0, 0, 1}, x.grad().data());
    }

    @Test
    void clampPassesTheGradientAtBothBounds() {
        Tensor x = leaf(-1, 0, 0.5, 1, 2);
        x.clamp(0.0, 1.0).sum().backward();
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, x.grad().data());
    }

    @Test
    void broadcastGradientsAreSummedBackToTheInputShape() {
        Tensor a = Torch.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}, DType.FLOAT64).requiresGrad_(true);
        Tensor b = leaf(10, 20, 30);
        a.mul(b).sum().backward();
        assertArrayEquals(new double[] {5, 7, 9}, b.grad().data()); // column sums of a
        assertArrayEquals(new double[] {10, 20, 30, 10, 20, 30}, a.grad().data());
    }

    @Test
    void vectorTimesMatrixRecordsUnsqueezeMmSqueeze() {
        Tensor x = leaf(1, 2);
        Tensor w = Torch.ones(DType.FLOAT64, 2, 3).requiresGrad_(true);
        Node squeeze = x.matmul(w).gradFn();
        assertEquals("SqueezeBackward3", squeeze.name());
        Node mm = squeeze.nextFunctions().get(0).function();
        assertEquals("MmBackward0", mm.name());
        assertEquals("UnsqueezeBackward0", mm.nextFunctions().get(0).function().name());
        assertEquals("AccumulateGrad", mm.nextFunctions().get(1).function().name());
    }

    @Test
    void matrixShapeMismatchUsesPyTorchMessage() {
        TorchException e = assertThrows(TorchException.class, () -> Torch.ones(5).matmul(Torch.ones(4, 3)));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (1x5 and 4x3)", e.getMessage());
    }

    @Test
    void inPlaceUpdateOfALeafThatRequiresGradFailsOutsideNoGrad() {
        Tensor w = leaf(1);
        TorchException e = assertThrows(TorchException.class, () -> w.assignInPlace(w.sub(1.0)));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
    }

    @Test
    void inPlaceUpdateInsideNoGradChangesValuesAndKeepsTheLeaf() {
        Tensor w = leaf(1);
        try (var g = GradMode.disabled()) {
            w.assignInPlace(w.sub(0.25));
        }
        assertEquals(0.75, w.item());
        assertTrue(w.isLeaf());
        assertTrue(w.requiresGrad());
    }

    @Test
    void sgdStepMovesEachParameterAgainstItsGradient() {
        Tensor w = leaf(1, 2);
        SGD sgd = new SGD(List.of(w), 0.1);
        w.mul(w).sum().backward(); // grad 2w = (2, 4)
        sgd.step();
        assertArrayEquals(new double[] {0.8, 1.6}, w.data(), 1e-15);
        sgd.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, w.grad().data());
    }

    @Test
    void sgdWithMomentumAddsTheVelocity() {
        Tensor w = leaf(1);
        SGD sgd = new SGD(List.of(w), 0.1, 0.9);
        for (int i = 0; i < 2; i++) {
            sgd.zeroGrad();
            w.mul(2.0).sum().backward(); // grad 2 each time
            sgd.step();
        }
        // step 1: buf = 2, w = 1 - 0.2 = 0.8; step 2: buf = 0.9·2 + 2 = 3.8, w = 0.8 - 0.38 = 0.42
        assertEquals(0.42, w.item(), 1e-15);
    }

    @Test
    void float32ValuesAreStoredAsFloat32() {
        Tensor t = Torch.tensor(0.1);
        assertEquals((double) 0.1f, t.item());
        assertEquals((double) (0.1f + 0.2f), t.add(0.2).item());
    }

    @Test
    void float32AndFloat64PromoteToFloat64() {
        Tensor a = Torch.ones(3);
        Tensor b = Torch.ones(DType.FLOAT64, 3);
        assertEquals(DType.FLOAT64, a.add(b).dtype());
        assertEquals(DType.FLOAT32, a.add(2.5).dtype());
    }

    @Test
    void nodePrintsLikeAPythonObject() {
        Node fn = leaf(1).add(1.0).gradFn();
        assertTrue(fn.toString().matches("<AddBackward0 object at 0x[0-9a-f]+>"), fn.toString());
    }

    @Test
    void tensorPrintsAsPyTorchRepr() {
        Tensor x = Torch.scalar(4.0).requiresGrad_(true);
        assertEquals("tensor(4., requires_grad=True)", x.toString());
        assertEquals("tensor(16., grad_fn=<PowBackward0>)", x.pow(2).toString());
        assertEquals("tensor([1., 2.], dtype=torch.float64)", Torch.tensor(Shape.of(2), DType.FLOAT64,
                new double[] {1, 2}).toString());
    }

    @Test
    void bceWithLogitsRefusesTargetOfAnotherSize() {
        TorchException e = assertThrows(TorchException.class,
                () -> Losses.binaryCrossEntropyWithLogits(Torch.ones(4), Torch.ones(3), Reduction.MEAN));
        assertEquals("ValueError", e.pythonType());
        assertEquals("Target size (torch.Size([3])) must be the same as input size (torch.Size([4]))", e.getMessage());
    }

    @Test
    void bceWithLogitsIsStableForLargeLogits() {
        Tensor z = Torch.tensor(Shape.of(2), DType.FLOAT64, new double[] {1000, -1000});
        Tensor y = Torch.tensor(Shape.of(2), DType.FLOAT64, new double[] {0, 1});
        // both terms are 1000 (log(1+e^1000) ≈ 1000): mean 1000, finite
        assertEquals(1000.0, Losses.binaryCrossEntropyWithLogits(z, y, Reduction.MEAN).item(), 1e-9);
    }

    @Test
    void modifyingASavedTensorInPlaceMakesBackwardFail() {
        Tensor x = Torch.ones(3).requiresGrad_(true);
        Tensor y = x.mul(2.0);
        Tensor z = y.mul(y);
        try (var g = GradMode.disabled()) {
            y.assignInPlace(y.add(1.0));
        }
        TorchException e = assertThrows(TorchException.class, () -> z.sum().backward());
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace "
                + "operation: [torch.FloatTensor [3]], which is output 0 of MulBackward0, is at version 1; expected "
                + "version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its "
                + "gradient, with torch.autograd.set_detect_anomaly(True).", e.getMessage());
    }
}
