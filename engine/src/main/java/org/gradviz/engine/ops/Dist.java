package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.dist(input, other, p=2)} (DistBackward0): the p-norm of {@code input - other} (broadcast), as torch's
 * {@code at::norm(self - other, p)} computes it ({@link VectorNorm}).
 */
public final class Dist {
    private Dist() {
    }

    /** {@code torch.dist(a, b, p)}; torch's error for integer or bool operands. */
    public static Tensor dist(Tensor a, Tensor b, double p) {
        Tensor diff;
        try (var g = GradMode.disabled()) {
            diff = Autograd.quietly(() -> Arithmetic.sub(a, b));
        }
        if (!diff.dtype().isFloatingPoint()) {
            throw TorchException.runtime("norm(): input dtype should be either floating point or complex. Got "
                    + (diff.dtype() == DType.BOOL ? "Bool" : "Long") + " instead.");
        }
        double value = VectorNorm.of(diff, p);
        Tensor out = Tensor.fromData(Shape.SCALAR, diff.dtype(), new double[] {value});
        return Autograd.record("dist", out, () -> new DistBackward0(a, b, p, out), a, b);
    }

    /**
     * d dist(a, b)/da = norm_backward(grad, a - b, p, result), d/db its negation, each summed to its operand's shape.
     * p = 0 has no gradient: a's is undefined, and b's is torch's error (it negates an undefined tensor).
     */
    static final class DistBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor other;
        private final double p;
        private final SavedTensor result;

        DistBackward0(Tensor a, Tensor b, double p, Tensor out) {
            this.self = save(a);
            this.other = save(b);
            this.p = p;
            this.result = saveOutput(out);
        }

        @Override
        public String name() {
            return "DistBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            try (var g = GradMode.disabled()) {
                return applyDifferentiable(grads);
            }
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor b = other.unpack();
            if (p == 0) {
                if (needsInputGrad(1)) {
                    throw TorchException.runtime("Expected a proper Tensor but got None (or an undefined Tensor in "
                            + "C++) for argument #0 'self'");
                }
                return new Tensor[] {null, null};
            }
            // NOTE: as torch's formulas, each operand's gradient computes a - b anew (its own graph when recorded)
            Tensor da = needsInputGrad(0) ? normBackward(grads[0], Arithmetic.sub(a, b), p, result.unpack()) : null;
            Tensor db = needsInputGrad(1) ? Arithmetic.neg(normBackward(grads[0], Arithmetic.sub(a, b), p,
                    result.unpack())) : null;
            return new Tensor[] {
                da == null ? null : Broadcast.sumTo(da, a.shape(), a.dtype()),
                db == null ? null : Broadcast.sumTo(db, b.shape(), b.dtype())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("p", Arithmetic.numberValue(p));
            out.put("result", result);
            out.put("self", self);
        }
    }

    /** torch's norm_backward over the whole tensor, op for op (so each step rounds as torch's does). */
    static Tensor normBackward(Tensor grad, Tensor x, double p, Tensor norm) {
        if (p == 1) {
            // d‖x‖₁/dx = sgn(x)
            return Arithmetic.mul(Pointwise.sgn(x), grad);
        }
        if (p == 2) {
            // d‖x‖₂/dx = x / ‖x‖, 0 where the norm is 0
            return Arithmetic.mul(grad, Where.maskedFill(Arithmetic.div(x, norm), isZero(norm), 0));
        }
        if (Double.isInfinite(p)) {
            // NOTE: the gradient is shared among the elements whose |x| is the max (min), NaNs included
            Tensor absolute = Pointwise.abs(x);
            double[] v = absolute.data();
            double n = norm.item();
            double[] m = new double[v.length];
            long count = 0;
            for (int i = 0; i < v.length; i++) {
                m[i] = v[i] == n || Double.isNaN(v[i]) ? 1 : 0;
                count += (long) m[i];
            }
            Tensor mask = Tensor.fromData(x.shape(), DType.BOOL, m);
            Tensor counted = Tensor.fromData(Shape.SCALAR, DType.INT64, new double[] {count});
            return Arithmetic.mul(Pointwise.sgn(x), Arithmetic.mul(Arithmetic.div(grad, counted), mask));
        }
        if (p < 1) {
            // d‖x‖ₚ/dx = sgn(x)·|x|^(p-1)·‖x‖^(1-p), 0 at x = 0
            Tensor scaled = Arithmetic.mul(Pointwise.sgn(x), Where.maskedFill(Arithmetic.pow(Pointwise.abs(x), p - 1),
                    isZero(x), 0));
            return Arithmetic.mul(Arithmetic.mul(scaled, grad), Arithmetic.pow(norm, 1 - p));
        }
        Tensor scaled = p < 2 ? Arithmetic.mul(Pointwise.sgn(x), Arithmetic.pow(Pointwise.abs(x), p - 1))
                : Arithmetic.mul(x, Arithmetic.pow(Pointwise.abs(x), p - 2));
        Tensor scale = Where.maskedFill(Arithmetic.div(grad, Arithmetic.pow(norm, p - 1)), isZero(norm), 0);
        return Arithmetic.mul(scaled, scale);
    }

    private static Tensor isZero(Tensor t) {
        return Comparison.compare(t, Tensor.wrappedNumber(0, false), Comparison.Kind.EQ);
    }
}
