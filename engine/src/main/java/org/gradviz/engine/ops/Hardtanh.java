package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * {@code F.hardtanh(a, min_val, max_val)} and {@code F.relu6(a)} (hardtanh from 0 to 6): a clamped to the bounds
 * (NaN stays NaN; with min above max every number becomes max), HardtanhBackward0 passing the gradient strictly
 * inside the bounds only.
 */
public final class Hardtanh {
    private Hardtanh() {
    }

    public static Tensor hardtanh(Tensor a, double minVal, double maxVal) {
        Tensor out = Tensor.fromData(a.shape(), a.dtype(), values(a, minVal, maxVal));
        return Autograd.record("hardtanh", out, () -> new HardtanhBackward0(a, minVal, maxVal), a);
    }

    /** The clamped values; the bounds are first cast to a's dtype, as torch's kernel takes them. */
    public static double[] values(Tensor a, double minVal, double maxVal) {
        DType dt = a.dtype();
        double lo = dt.round(minVal);
        double hi = dt.round(maxVal);
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            // NOTE: std::min(std::max(a, min), max) and AVX2's clamp agree: NaN and -0.0 at a bound 0.0 stay
            double v = x[i] < lo ? lo : x[i];
            r[i] = hi < v ? hi : v;
        }
        return r;
    }

    /**
     * d hardtanh(a)/da = 1 where min < a < max, else 0. NOTE: at NaN torch's kernel answers two ways: its vector
     * loop (blocks of 2 vectors, 16 floats or 8 doubles from the start) masks with {@code a > min & a < max}, giving 0;
     * its scalar loop for the rest tests {@code a <= min || a >= max}, passing the gradient. Positions follow the flat
     * (contiguous) order.
     */
    static final class HardtanhBackward0 extends Node {
        private final SavedTensor self;
        private final double minVal;
        private final double maxVal;

        HardtanhBackward0(Tensor a, double minVal, double maxVal) {
            this.self = save(a);
            this.minVal = minVal;
            this.maxVal = maxVal;
        }

        @Override
        public String name() {
            return "HardtanhBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            DType dt = grads[0].dtype();
            double lo = dt.round(minVal);
            double hi = dt.round(maxVal);
            double[] x = a.data();
            double[] g = grads[0].data();
            double[] r = new double[x.length];
            int vectorised = r.length - r.length % (2 * TorchSum.lanes(dt));
            for (int i = 0; i < r.length; i++) {
                boolean inside = i < vectorised ? x[i] > lo && x[i] < hi : !(x[i] <= lo || x[i] >= hi);
                r[i] = inside ? g[i] : 0;
            }
            return new Tensor[] {Tensor.fromData(a.shape(), dt, r)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("max_val", Arithmetic.numberValue(maxVal));
            out.put("min_val", Arithmetic.numberValue(minVal));
            out.put("self", self);
        }
    }
}
