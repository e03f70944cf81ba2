package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/** {@code t.to(dtype)}, {@code t.double()}, {@code t.float()}, {@code t.long()}: a copy of another element type. */
public final class Conversion {

    private Conversion() {
    }

    /** The tensor itself when it already has {@code dtype} (as torch returns {@code self}), else a converted copy. */
    public static Tensor to(Tensor a, DType dtype) {
        if (a.dtype() == dtype) {
            return a;
        }
        Tensor out = Tensor.fromData(a.shape(), dtype, dtype.roundAll(a.data().clone()));
        // NOTE: only a floating-point result can carry a gradient; .long() of a leaf needing grad is a constant
        return Autograd.record("to", out, dtype.isFloatingPoint() ? () -> new ToCopyBackward0(a.dtype()) : null, a);
    }

    /** d(a.to(dtype))/da = 1: the gradient converted back to a's type. */
    static final class ToCopyBackward0 extends Node {
        private final DType selfType;

        ToCopyBackward0(DType selfType) {
            this.selfType = selfType;
        }

        @Override
        public String name() {
            return "ToCopyBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {Tensor.fromData(g.shape(), selfType, selfType.roundAll(g.data().clone()))};
        }

        /** _to_copy_backward: grad.to(self's dtype), recorded. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {to(grads[0], selfType)};
        }
    }
}
