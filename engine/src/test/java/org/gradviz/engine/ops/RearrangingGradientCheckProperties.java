package org.gradviz.engine.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * The finite-difference check of {@link GradientCheckProperties} for bmm, batched matmul, addmm with beta and alpha,
 * outer, the splits (several outputs of one node, some without a gradient), repeat, flip, roll, tril and triu; the
 * same cases are checked to second order by {@link SecondDerivativeCheckProperties}.
 */
class RearrangingGradientCheckProperties extends GradientCheckProperties {

    @Override
    @Provide
    Arbitrary<OpCase> ops() {
        return Arbitraries.of(cases());
    }

    private static int size(Random r) {
        return 1 + r.nextInt(4);
    }

    static List<OpCase> cases() {
        List<OpCase> c = new ArrayList<>();
        c.add(new OpCase("bmm", t -> BatchedProducts.bmm(t[0], t[1].sin()), r -> {
            int b = size(r);
            int k = size(r);
            return new Shape[] {Shape.of(b, size(r), k), Shape.of(b, k, size(r))};
        }, Domain.ANY));
        c.add(new OpCase("matmul 4-D @ 3-D broadcast", t -> LinearAlgebra.matmul(t[0], t[1]),
                r -> new Shape[] {Shape.of(2, 1, 3, 2), Shape.of(3, 2, 2)}, Domain.ANY));
        c.add(new OpCase("matmul 3-D @ 2-D (folded)", t -> LinearAlgebra.matmul(t[0].exp(), t[1]),
                r -> new Shape[] {Shape.of(2, 3, 4), Shape.of(4, 2)}, Domain.ANY));
        c.add(new OpCase("matmul 2-D @ 3-D", t -> LinearAlgebra.matmul(t[0], t[1]),
                r -> new Shape[] {Shape.of(3, 2), Shape.of(2, 2, 4)}, Domain.ANY));
        c.add(new OpCase("matmul 1-D @ 3-D and 3-D @ 1-D", t -> Arithmetic.add(LinearAlgebra.matmul(t[0], t[1]),
                LinearAlgebra.matmul(t[1], t[2])), r -> new Shape[] {Shape.of(3), Shape.of(2, 3, 3), Shape.of(3)},
                Domain.ANY));
        c.add(new OpCase("matmul 3-D permuted @ 2-D (bmm)", t -> LinearAlgebra.matmul(
                LinearAlgebra.transpose(Views.contiguous(LinearAlgebra.transpose(t[0], 1, 2)), 1, 2), t[1]),
                r -> new Shape[] {Shape.of(2, 3, 4), Shape.of(4, 2)}, Domain.ANY));
        c.add(new OpCase("addmm beta alpha", t -> BatchedProducts.addmm(t[0], t[1], t[2], 0.5, -1.5),
                r -> new Shape[] {Shape.of(3), Shape.of(2, 4), Shape.of(4, 3)}, Domain.ANY));
        c.add(new OpCase("addmm transposed mat2, full input", t -> BatchedProducts.addmm(t[0], t[1],
                LinearAlgebra.t(t[2]), 2L, 3L), r -> new Shape[] {Shape.of(2, 3), Shape.of(2, 4), Shape.of(3, 4)},
                Domain.ANY));
        c.add(new OpCase("addmm one column", t -> BatchedProducts.addmm(t[0], t[1], t[2], 1L, 0.25),
                r -> new Shape[] {Shape.of(1), Shape.of(3, 2), Shape.of(2, 1)}, Domain.ANY));
        c.add(new OpCase("outer", t -> BatchedProducts.outer(t[0], t[1].exp()),
                r -> new Shape[] {Shape.of(size(r)), Shape.of(size(r))}, Domain.ANY));
        c.add(new OpCase("split: first and last part", t -> {
            Tensor[] parts = Splitting.split(t[0], 2, 0);
            return Joining.cat(List.of(parts[0].mul(2.0), parts[parts.length - 1].exp()), 0);
        }, r -> new Shape[] {Shape.of(3 + r.nextInt(4), 2)}, Domain.ANY));
        c.add(new OpCase("split with sizes along dim 1", t -> {
            Tensor[] parts = Splitting.splitWithSizes(t[0], new long[] {1, 0, 2}, 1);
            return Arithmetic.mul(parts[0].sin(), parts[2]);
        }, r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("chunk", t -> Splitting.chunk(t[0], 3, -1)[1].pow(2), r -> new Shape[] {Shape.of(2, 5)},
                Domain.ANY));
        c.add(new OpCase("unbind", t -> {
            Tensor[] rows = Splitting.unbind(t[0], 1);
            return Joining.stack(List.of(rows[0].sin(), rows[2], rows[0]), 0);
        }, r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("repeat", t -> Rearranging.repeat(t[0].exp(), new long[] {2, 1, 3}),
                r -> new Shape[] {Shape.of(size(r), size(r))}, Domain.ANY));
        c.add(new OpCase("repeat with zero", t -> Rearranging.repeat(t[0], new long[] {0, 2}),
                r -> new Shape[] {Shape.of(3)}, Domain.ANY));
        c.add(new OpCase("flip", t -> Rearranging.flip(t[0].pow(3), new long[] {0, -1}),
                r -> new Shape[] {Shape.of(size(r), 2, size(r))}, Domain.ANY));
        c.add(new OpCase("roll dims", t -> Rearranging.roll(t[0].sin(), new long[] {1, -3}, new long[] {1, 0}),
                r -> new Shape[] {Shape.of(size(r), size(r))}, Domain.ANY));
        c.add(new OpCase("roll flat", t -> Rearranging.roll(t[0].mul(t[0]), new long[] {5}, new long[0]),
                r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("tril", t -> Rearranging.triangle(t[0].exp(), -1, true),
                r -> new Shape[] {Shape.of(2, size(r), size(r))}, Domain.ANY));
        c.add(new OpCase("triu", t -> Rearranging.triangle(t[0].exp(), 1, false),
                r -> new Shape[] {Shape.of(size(r), size(r))}, Domain.ANY));
        c.add(new OpCase("gather with repeated indices", t -> Gathering.gather(t[0].exp(), 1,
                index(Shape.of(2, 4), 0, 2, 2, 1, 0, 0, 0, 2)), r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("scatter src", t -> Gathering.scatter(t[0], 0, index(Shape.of(1, 3), 1, 0, 1),
                t[1].sin()), r -> new Shape[] {Shape.of(2, 3), Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("scatter value", t -> Gathering.scatter(t[0].pow(2), 1, index(Shape.of(2, 1), 2, 0), 0.5),
                r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("scatter_add with repeated indices", t -> Gathering.scatterAdd(t[0], 1,
                index(Shape.of(2, 3), 0, 0, 2, 1, 1, 1), t[1].exp()),
                r -> new Shape[] {Shape.of(2, 3), Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("diag of a vector", t -> Gathering.diag(t[0].exp(), -1), r -> new Shape[] {Shape.of(3)},
                Domain.ANY));
        c.add(new OpCase("diag of a square matrix", t -> Gathering.diag(t[0].sin(), 1),
                r -> new Shape[] {Shape.of(3, 3)}, Domain.ANY));
        c.add(new OpCase("diag of a wide matrix", t -> Gathering.diag(t[0], 0), r -> new Shape[] {Shape.of(2, 4)},
                Domain.ANY));
        c.add(new OpCase("repeat_interleave counts along dim 1", t -> Gathering.repeatInterleave(t[0].exp(),
                index(Shape.of(3), 2, 0, 3), 1L), r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("repeat_interleave flattened", t -> Gathering.repeatInterleave(t[0].sin(),
                index(Shape.of(1), 2), null), r -> new Shape[] {Shape.of(2, 2)}, Domain.ANY));
        return c;
    }

    private static Tensor index(Shape shape, double... values) {
        return org.gradviz.engine.Torch.tensor(shape, org.gradviz.engine.DType.INT64, values);
    }
}
