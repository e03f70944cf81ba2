package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * {@code clamp_min}, {@code clamp_max} (one bound, a number) and {@code torch.maximum} / {@code torch.minimum} of two
 * tensors, each followed by its backward node.
 */
public final class Bounds {
    private Bounds() {
    }

    // ----- clamp_min, clamp_max

    /** max(a, min), NaN staying NaN. */
    public static Tensor clampMin(Tensor a, double min) {
        double lo = a.dtype().round(min);
        Tensor out = Pointwise.map(a, v -> Double.isNaN(v) ? v : Math.max(v, lo), false);
        return Autograd.record("clamp_min", out, () -> new ClampBoundBackward("ClampMinBackward0", "min", a, min),
                a);
    }

    /** min(a, max), NaN staying NaN. */
    public static Tensor clampMax(Tensor a, double max) {
        double hi = a.dtype().round(max);
        Tensor out = Pointwise.map(a, v -> Double.isNaN(v) ? v : Math.min(v, hi), false);
        return Autograd.record("clamp_max", out, () -> new ClampBoundBackward("ClampMaxBackward0", "max", a, max),
                a);
    }

    /** d clamp_min(a)/da = 1 where a ≥ min, else 0 (and d clamp_max(a)/da = 1 where a ≤ max). */
    static final class ClampBoundBackward extends Node {
        private final String name;
        private final String bound;
        private final SavedTensor self;
        private final double value;

        ClampBoundBackward(String name, String bound, Tensor a, double value) {
            this.name = name;
            this.bound = bound;
            this.self = save(a);
            this.value = value;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            double v = a.dtype().round(value);
            boolean min = bound.equals("min");
            return new Tensor[] {Arithmetic.elementwise(grads[0], a, (g, x) -> (min ? x >= v : x <= v) ? g : 0)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put(bound, Arithmetic.numberValue(value));
            out.put("self", self);
        }
    }

    // ----- maximum, minimum

    /** The larger of a and b element by element (NaN if either is NaN), broadcast. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return extreme(a, b, true);
    }

    /** The smaller of a and b element by element (NaN if either is NaN), broadcast. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return extreme(a, b, false);
    }

    private static Tensor extreme(Tensor a, Tensor b, boolean max) {
        Tensor out = Arithmetic.elementwise(a, b, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN
                : max ? Math.max(x, y) : Math.min(x, y));
        return Autograd.record(max ? "maximum" : "minimum", out, () -> new ExtremeBackward(a, b, max), a, b);
    }

    /**
     * torch's chain rule of maximum: {@code where(self == other, grad / 2, grad).masked_fill_(self < other, 0)} for
     * self, and with {@code self > other} for other (min swaps the masks), each summed to its input's shape.
     */
    static final class ExtremeBackward extends Node {
        private final SavedTensor self;
        private final SavedTensor other;
        private final boolean max;

        ExtremeBackward(Tensor a, Tensor b, boolean max) {
            this.self = save(a);
            this.other = save(b);
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "MaximumBackward0" : "MinimumBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor b = other.unpack();
            Tensor g = grads[0];
            Shape shape = g.shape();
            DType dt = g.dtype();
            double[] x = Broadcast.expand(a, shape);
            double[] y = Broadcast.expand(b, shape);
            double[] gv = g.data();
            double[] ga = new double[gv.length];
            double[] gb = new double[gv.length];
            for (int i = 0; i < gv.length; i++) {
                double share = x[i] == y[i] ? dt.round(gv[i] / 2) : gv[i];
                boolean aLoses = max ? x[i] < y[i] : x[i] > y[i];
                boolean bLoses = max ? x[i] > y[i] : x[i] < y[i];
                ga[i] = aLoses ? 0 : share;
                gb[i] = bLoses ? 0 : share;
            }
            return new Tensor[] {
                needsInputGrad(0) ? InputMeta.of(a).reduce(Tensor.fromData(shape, dt, ga)) : null,
                needsInputGrad(1) ? InputMeta.of(b).reduce(Tensor.fromData(shape, dt, gb)) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("self", self);
        }
    }
}
