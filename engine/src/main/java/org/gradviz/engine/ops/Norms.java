package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/** {@code t.norm(p)} for p = 2 (the default) and p = 1, over everything or along one dimension: NormBackward1. */
public final class Norms {
    private Norms() {
    }

    /** {@code t.norm(p, dim, keepdim)}; {@code dim} null for the whole tensor. */
    public static Tensor norm(Tensor a, double p, Integer dim, boolean keepDim) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. "
                    + "Got " + a.dtype().scalarTypeName());
        }
        Integer d = dim == null || a.dim() == 0 ? null : a.shape().normalizeDim(dim);
        // torch walks a view's elements in memory order: a non-contiguous view's 2-norm in that order
        double[] values = p == 2 && !a.isContiguous() ? NormTwoValues.of(a, d)
                : NormReduce.norm(a.data(), a.shape(), d, p, a.dtype());
        Shape outShape = d == null ? (keepDim ? Shape.of(ones(a.dim())) : Shape.SCALAR) : a.shape().reduce(d, keepDim);
        Tensor result = Tensor.fromData(outShape, a.dtype(), values);
        return Autograd.record("norm", result, () -> new NormBackward1(a, result, p, dim), a);
    }

    private static int[] ones(int n) {
        int[] d = new int[n];
        java.util.Arrays.fill(d, 1);
        return d;
    }

    /** d‖a‖₂/da = a / ‖a‖ (0 where the norm is 0), times grad; d‖a‖₁/da = sgn(a). */
    static final class NormBackward1 extends Node {
        private final SavedTensor self;
        private final SavedTensor result;
        private final double p;
        private final Integer dim;

        NormBackward1(Tensor a, Tensor out, double p, Integer dim) {
            this.self = save(a);
            this.result = saveOutput(out);
            this.p = p;
            this.dim = dim;
        }

        @Override
        public String name() {
            return "NormBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            Shape kept = dim == null ? Shape.of(ones(a.dim())) : a.shape().reduce(dim, true);
            Tensor g = Tensor.fromData(kept, grads[0].dtype(), grads[0].data());
            if (p == 1) {
                return new Tensor[] {Arithmetic.elementwise(a, g, (x, gv) -> Pointwise.sign(x) * gv)};
            }
            Tensor n = Tensor.fromData(kept, a.dtype(), result.unpack().data());
            // (self / norm).masked_fill_(norm == 0, 0) * grad
            Tensor scaled = Arithmetic.elementwise(a, n, (x, nv) -> nv == 0 ? 0 : x / nv);
            return new Tensor[] {Arithmetic.elementwise(scaled, g, (s, gv) -> s * gv)};
        }

        /**
         * norm_backward, recorded: sgn(self) · grad for p = 1, (self / norm).masked_fill_(norm == 0, 0) · grad for
         * p = 2.
         */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor g = kept(grads[0], a);
            if (p == 1) {
                return new Tensor[] {Arithmetic.mul(Pointwise.sgn(a), g)};
            }
            Tensor n = kept(result.unpack(), a);
            Tensor zeroNorm = Comparison.compare(n, Tensor.wrappedNumber(0, false), Comparison.Kind.EQ);
            return new Tensor[] {Arithmetic.mul(Where.maskedFill(Arithmetic.div(a, n), zeroNorm, 0), g)};
        }

        /** A reduced tensor with the reduced dimension put back (unsqueeze), so it broadcasts against self. */
        private Tensor kept(Tensor reduced, Tensor a) {
            return dim == null || reduced.dim() == a.dim() ? reduced : LinearAlgebra.unsqueeze(reduced, dim);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("p", Arithmetic.numberValue(p));
            out.put("result", result);
            out.put("self", self);
        }
    }
}
