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
 * {@code at::norm(self - other, p)} computes it ({@link NormReduce}).
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
        boolean[] all = new boolean[diff.dim()];
        java.util.Arrays.fill(all, true);
        double[] value = NormReduce.norm(diff, p, all);
        Tensor out = Tensor.fromData(Shape.SCALAR, diff.dtype(), value);
        return Autograd.record("dist", out, () -> new DistBackward0(a, b, p, out), a, b);
    }

    /**
     * d dist(a, b)/da = norm_backward(grad, a - b, p, result), d/db its negation, each summed to its operand's shape.
     * p = 0 has no gradient: a's is undefined, and b's is torch's error (it negates an undefined tensor).
     */
    static final class DistBackward0 extends Node {
        private static final int[] NO_DIMS = {};
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
            Tensor da = needsInputGrad(0) ? gradient(grads[0], a, b) : null;
            Tensor db = needsInputGrad(1) ? Arithmetic.neg(gradient(grads[0], a, b)) : null;
            return new Tensor[] {
                da == null ? null : Broadcast.sumTo(da, a.shape(), a.dtype()),
                db == null ? null : Broadcast.sumTo(db, b.shape(), b.dtype())};
        }

        private Tensor gradient(Tensor grad, Tensor a, Tensor b) {
            return Norms.normBackward(grad, Arithmetic.sub(a, b), p, result.unpack(), NO_DIMS, false);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("p", Arithmetic.numberValue(p));
            out.put("result", result);
            out.put("self", self);
        }
    }
}
