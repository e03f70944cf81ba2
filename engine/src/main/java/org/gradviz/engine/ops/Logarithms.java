package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.LaneMath;

/**
 * {@code log10} and {@code log2}, each followed by its backward node. Both go through torch 1.13's {@code at::vml}
 * loop, where every element is a vector lane ({@link LaneMath}: SLEEF's u10 function on AVX2, glibc's on default);
 * integer inputs give the default float type.
 */
public final class Logarithms {
    /** ln 10 and ln 2 as torch's derivatives.yaml writes them. */
    private static final double LN10 = 2.3025850929940456;
    private static final double LN2 = 0.6931471805599453;

    private Logarithms() {
    }

    public static Tensor log10(Tensor a) {
        Tensor out = UnaryFunctions.floating(a, LaneMath::log10, LaneMath::log10);
        return Autograd.record("log10", out, () -> new LogBaseBackward("Log10Backward0", a, LN10), a);
    }

    public static Tensor log2(Tensor a) {
        Tensor out = UnaryFunctions.floating(a, LaneMath::log2, LaneMath::log2);
        return Autograd.record("log2", out, () -> new LogBaseBackward("Log2Backward0", a, LN2), a);
    }

    /** d log_b(a)/da = 1 / (a ln b): torch computes {@code grad / (self * ln b)}, recorded for double backward. */
    static final class LogBaseBackward extends Node {
        private final String name;
        private final SavedTensor self;
        private final double lnBase;

        LogBaseBackward(String name, Tensor a, double lnBase) {
            this.name = name;
            this.self = save(a);
            this.lnBase = lnBase;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor scaled = Arithmetic.mul(self.unpack(), Tensor.wrappedNumber(lnBase, false));
            return new Tensor[] {Arithmetic.div(grads[0], scaled)};
        }

        /** The same ops, recorded: a second derivative goes back through the mul and the div. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }
}
