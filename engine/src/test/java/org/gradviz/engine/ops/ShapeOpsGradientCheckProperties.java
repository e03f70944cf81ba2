package org.gradviz.engine.ops;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.gradviz.engine.Shape;

/**
 * The finite-difference check of {@link GradientCheckProperties} for the movement, join, extreme and norm ops:
 * view/reshape/flatten/squeeze/expand/permute, cat, stack, max/min (whole and along a dim), sort, topk, norm (p = 1, 2).
 */
class ShapeOpsGradientCheckProperties extends GradientCheckProperties {

    @Override
    @Provide
    Arbitrary<OpCase> ops() {
        List<OpCase> c = new ArrayList<>(SecondDerivativeCheckProperties.viewCases());
        c.addAll(joinExtremeAndIndexCases());
        return Arbitraries.of(c);
    }

    /** cat, stack, max/min, norm, dot and tensor indexing: checked here, and to second order in the other check. */
    static List<OpCase> joinExtremeAndIndexCases() {
        List<OpCase> c = new ArrayList<>();
        c.add(new OpCase("cat dim 1", t -> Joining.cat(List.of(t[0], t[1].exp()), 1),
                r -> new Shape[] {Shape.of(2, 3), Shape.of(2, 1 + r.nextInt(3))}, Domain.ANY));
        c.add(new OpCase("cat dim 0", t -> Joining.cat(List.of(t[0], t[1], t[0]), 0),
                r -> new Shape[] {Shape.of(1 + r.nextInt(3), 2), Shape.of(2, 2)}, Domain.ANY));
        c.add(new OpCase("stack dim -1", t -> Joining.stack(List.of(t[0], t[1].sin()), -1),
                r -> new Shape[] {Shape.of(3, 2), Shape.of(3, 2)}, Domain.ANY));
        c.add(new OpCase("stack dim 0", t -> Joining.stack(List.of(t[0], t[1]), 0),
                r -> new Shape[] {Shape.of(4), Shape.of(4)}, Domain.ANY));
        c.add(new OpCase("max", t -> Extremes.all(t[0], true), r -> new Shape[] {Shape.of(2, 3)}, Domain.ANY));
        c.add(new OpCase("min", t -> Extremes.all(t[0], false), r -> new Shape[] {Shape.of(5)}, Domain.ANY));
        c.add(new OpCase("max dim 1", t -> Extremes.along(t[0], 1, false, true).values(),
                r -> new Shape[] {Shape.of(3, 4)}, Domain.ANY));
        c.add(new OpCase("min dim 0 keepdim", t -> Extremes.along(t[0], 0, true, false).values(),
                r -> new Shape[] {Shape.of(3, 2, 2)}, Domain.ANY));
        c.add(new OpCase("sort dim 1 descending", t -> Sorting.sort(t[0], 1, true, false).values(),
                r -> new Shape[] {Shape.of(2, 3 + r.nextInt(20))}, Domain.ANY));
        c.add(new OpCase("sort dim 0 stable", t -> Sorting.sort(t[0].exp(), 0, false, true).values(),
                r -> new Shape[] {Shape.of(1 + r.nextInt(18), 2)}, Domain.ANY));
        c.add(new OpCase("topk dim -1", t -> Sorting.topk(t[0], 2, -1, true, true).values(),
                r -> new Shape[] {Shape.of(3, 2 + r.nextInt(150))}, Domain.ANY));
        c.add(new OpCase("topk smallest dim 0 unsorted", t -> Sorting.topk(t[0].sin(), 3, 0, false, false).values(),
                r -> new Shape[] {Shape.of(3 + r.nextInt(20), 2)}, Domain.ANY));
        c.add(new OpCase("norm", t -> Norms.norm(t[0], 2, null, false), r -> new Shape[] {Shape.of(2, 3)},
                Domain.ANY));
        c.add(new OpCase("norm dim", t -> Norms.norm(t[0], 2, 1, true), r -> new Shape[] {Shape.of(3, 4)},
                Domain.ANY));
        c.add(new OpCase("norm p=1", t -> Norms.norm(t[0], 1, null, false), r -> new Shape[] {Shape.of(6)},
                Domain.AWAY_FROM_KINKS));
        c.add(new OpCase("dot", t -> LinearAlgebra.dot(t[0], t[1]), r -> new Shape[] {Shape.of(4), Shape.of(4)},
                Domain.ANY));
        c.add(new OpCase("index int64 with repeats", t -> AdvancedIndexing.index(t[0].exp(),
                org.gradviz.engine.Torch.tensor(Shape.of(2, 2), org.gradviz.engine.DType.INT64,
                        new double[] {2, 0, -1, 2})), r -> new Shape[] {Shape.of(3, 2)}, Domain.ANY));
        c.add(new OpCase("index bool mask", t -> AdvancedIndexing.index(t[0].sin(),
                org.gradviz.engine.Torch.tensor(Shape.of(2, 2), org.gradviz.engine.DType.BOOL,
                        new double[] {1, 0, 1, 1})), r -> new Shape[] {Shape.of(2, 2, 3)}, Domain.ANY));
        return c;
    }
}
