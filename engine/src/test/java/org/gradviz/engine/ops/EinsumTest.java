package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;

/** einsum's values, the graph ATen's einsum records (as torch 1.13 prints it) and its errors. */
class EinsumTest {

    private static Tensor leaf(Shape shape, double... v) {
        return Tensor.fromData(shape, DType.FLOAT64, v).requiresGrad_(true);
    }

    /** The first-input chain of grad_fn names from the output down. */
    private static List<String> firstChain(Tensor t) {
        List<String> names = new ArrayList<>();
        for (Node n = t.gradFn(); n != null; n = n.nextFunctions().isEmpty() ? null : n.nextFunctions().get(0)
                .function()) {
            names.add(n.name());
        }
        return names;
    }

    @Test
    void matrixProductIsViewPermuteViewBmm() {
        Tensor a = leaf(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor b = leaf(Shape.of(2, 2), 5, 6, 7, 8);
        Tensor c = Einsum.einsum("ij,jk->ik", List.of(a, b));
        assertArrayEquals(new double[] {19, 22, 43, 50}, c.data());
        assertEquals(List.of("ViewBackward0", "PermuteBackward0", "ViewBackward0", "BmmBackward0",
                "ReshapeAliasBackward0", "PermuteBackward0", "PermuteBackward0", "UnsqueezeBackward0",
                "AccumulateGrad"), firstChain(c));
        c.sum().backward();
        // d sum(AB)/dA = 1 Bᵀ: row sums of B
        assertArrayEquals(new double[] {11, 15, 11, 15}, a.grad().data());
    }

    @Test
    void traceIsASumOfTheDiagonal() {
        Tensor m = leaf(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor t = Einsum.einsum("ii", List.of(m));
        assertEquals(5, t.item());
        assertEquals(List.of("SumBackward1", "PermuteBackward0", "PermuteBackward0", "DiagonalBackward0",
                "AccumulateGrad"), firstChain(t));
        t.backward();
        assertArrayEquals(new double[] {1, 0, 0, 1}, m.grad().data());
    }

    @Test
    void outerProductIsAMultiplication() {
        Tensor x = leaf(Shape.of(2), 1, 2);
        Tensor y = leaf(Shape.of(3), 3, 4, 5);
        Tensor o = Einsum.einsum("i,j->ij", List.of(x, y));
        assertArrayEquals(new double[] {3, 4, 5, 6, 8, 10}, o.data());
        assertEquals("MulBackward0", o.gradFn().name());
    }

    @Test
    void implicitOutputIsTheLabelsSeenOnceInAlphabeticalOrder() {
        Tensor a = leaf(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        // 'ba' with no arrow: output labels a, b, so the transpose
        Tensor t = Einsum.einsum("ba", List.of(a));
        assertEquals(Shape.of(3, 2), t.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, Views.contiguous(t).data());
    }

    @Test
    void errorsAreTorchs() {
        Tensor a = leaf(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertEquals("einsum(): the number of subscripts in the equation (3) does not match the number of dimensions "
                + "(2) for operand 0 and no ellipsis was given",
                assertThrows(TorchException.class, () -> Einsum.einsum("ijk", List.of(a))).getMessage());
        assertEquals("einsum(): subscript i has size 3 for operand 1 which does not broadcast with previously seen "
                + "size 2", assertThrows(TorchException.class, () -> Einsum.einsum("ij,ij", List.of(a, Views.permute(
                        a, new long[] {1, 0})))).getMessage());
        assertEquals("einsum(): output subscript k does not appear in the equation for any input operand",
                assertThrows(TorchException.class, () -> Einsum.einsum("ij->ik", List.of(a))).getMessage());
        assertEquals("einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in "
                + "[a-zA-Z]", assertThrows(TorchException.class, () -> Einsum.einsum("i1", List.of(a))).getMessage());
    }
}
