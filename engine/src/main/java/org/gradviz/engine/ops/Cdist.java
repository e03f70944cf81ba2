package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.cdist(x1, x2, p)} for 2-D inputs by torch 1.13's direct CPU kernel: for each row pair the p-norm of
 * their difference, accumulated column by column in the inputs' dtype; node CdistBackward0. (torch computes p = 2
 * through matrix products instead when either input has more than 25 rows; the caller refuses that case.)
 */
public final class Cdist {
    private Cdist() {
    }

    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        check(x1, x2, p);
        int r1 = x1.shape().dim(0);
        int r2 = x2.shape().dim(0);
        int m = x1.shape().dim(1);
        boolean single = x1.dtype() == DType.FLOAT32;
        double[] a = x1.data();
        double[] b = x2.data();
        double[] out = new double[r1 * r2];
        for (int i = 0; i < r1; i++) {
            for (int j = 0; j < r2; j++) {
                double agg = 0;
                for (int k = 0; k < m; k++) {
                    double d = Math.abs(a[i * m + k] - b[j * m + k]);
                    // NOTE: torch's scalar loop agg += d * d, fused as NormReduce.addSquare describes (float32)
                    agg = single && p == 2 ? NormReduce.addSquare((float) agg, (float) d, k, m)
                            : single ? (float) ((float) agg + (float) map((float) d, p)) : agg + map(d, p);
                }
                out[i * r2 + j] = finish(agg, p, single);
            }
        }
        Tensor result = Tensor.fromData(Shape.of(r1, r2), x1.dtype(), x1.dtype().roundAll(out));
        return Autograd.record("cdist", result, () -> new CdistBackward0(x1, x2, p, result), x1, x2);
    }

    private static void check(Tensor x1, Tensor x2, double p) {
        if (x1.dim() < 2) {
            throw TorchException.runtime("cdist only supports at least 2D tensors, X1 got: " + x1.dim() + "D");
        }
        if (x2.dim() < 2) {
            throw TorchException.runtime("cdist only supports at least 2D tensors, X2 got: " + x2.dim() + "D");
        }
        if (x1.shape().dim(x1.dim() - 1) != x2.shape().dim(x2.dim() - 1)) {
            throw TorchException.runtime("X1 and X2 must have the same number of columns. X1: "
                    + x1.shape().dim(x1.dim() - 1) + " X2: " + x2.shape().dim(x2.dim() - 1));
        }
        if (!x1.dtype().isFloatingPoint()) {
            throw TorchException.runtime("cdist only supports floating-point dtypes, X1 got: " + scalarName(x1));
        }
        if (!x2.dtype().isFloatingPoint()) {
            throw TorchException.runtime("cdist only supports floating-point dtypes, X2 got: " + scalarName(x2));
        }
        if (p < 0) {
            throw TorchException.runtime("cdist only supports non-negative p values");
        }
    }

    private static String scalarName(Tensor t) {
        return t.dtype().scalarTypeName();
    }

    /** One column's term: |d|^p, d for p = 1, d² for p = 2, (d != 0) for p = 0, d for p = ∞ (reduced by max). */
    private static double map(double d, double p) {
        if (p == 0) {
            return d != 0 ? 1 : 0;
        }
        if (p == 1 || Double.isInfinite(p)) {
            return d;
        }
        return p == 2 ? d * d : Math.pow(d, p);
    }

    private static double finish(double agg, double p, boolean single) {
        if (p == 0 || p == 1 || Double.isInfinite(p)) {
            return agg;
        }
        if (p == 2) {
            return single ? (float) Math.sqrt((float) agg) : Math.sqrt(agg);
        }
        return Math.pow(agg, 1 / p);
    }

    /**
     * d dist(i, j) / d x1(i, k) = grad · diff / dist for p = 2 (0 where dist is 0), grad · sign(diff) for p = 1,
     * sign(diff) · |diff|^(p-1) · grad / dist^(p-1) otherwise; x2's is the same with the roles swapped.
     */
    static final class CdistBackward0 extends Node {
        private final SavedTensor x1;
        private final SavedTensor x2;
        private final SavedTensor result;
        private final double p;

        CdistBackward0(Tensor x1, Tensor x2, double p, Tensor result) {
            this.x1 = save(x1);
            this.x2 = save(x2);
            this.result = saveOutput(result);
            this.p = p;
        }

        @Override
        public String name() {
            return "CdistBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = x1.unpack();
            Tensor b = x2.unpack();
            double[] dist = result.unpack().data();
            double[] g = grads[0].data();
            int r1 = a.shape().dim(0);
            int r2 = b.shape().dim(0);
            double[] ga = gradient(a.data(), b.data(), g, dist, r1, r2, a.shape().dim(1), false, a.dtype());
            double[] gb = gradient(b.data(), a.data(), g, dist, r2, r1, a.shape().dim(1), true, a.dtype());
            return new Tensor[] {Tensor.fromData(a.shape(), a.dtype(), ga), Tensor.fromData(b.shape(), b.dtype(), gb)};
        }

        /** The gradient of the rows of {@code self} against those of {@code other}; transposed reads grad as mT. */
        private double[] gradient(double[] self, double[] other, double[] grad, double[] dist, int rows, int others,
                int m, boolean transposed, DType dtype) {
            boolean single = dtype == DType.FLOAT32;
            double[] out = new double[rows * m];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < others; j++) {
                    int at = transposed ? j * rows + i : i * others + j;
                    double gv = grad[at];
                    double dv = dist[at];
                    for (int k = 0; k < m; k++) {
                        double diff = self[i * m + k] - other[j * m + k];
                        double term = single ? term((float) diff, gv, dv, true) : term(diff, gv, dv, false);
                        out[i * m + k] = single ? (float) ((float) out[i * m + k] + (float) term) : out[i * m + k]
                                + term;
                    }
                }
            }
            return dtype.roundAll(out);
        }

        private double term(double diff, double grad, double dist, boolean single) {
            if (p == 0) {
                return 0;
            }
            if (p == 1) {
                return grad * Math.signum(diff);
            }
            if (p == 2) {
                if (dist == 0) {
                    return 0;
                }
                return single ? (float) ((float) ((float) grad * (float) diff) / (float) dist) : grad * diff / dist;
            }
            if (Double.isInfinite(p)) {
                return grad * Math.signum(diff) * (Math.abs(diff) == dist ? 1 : 0);
            }
            if (diff == 0 || p < 1) {
                return 0;
            }
            return Math.signum(diff) * Math.pow(Math.abs(diff), p - 1) * grad / Math.pow(dist, p - 1);
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return null;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("p", p);
            out.put("result", result);
            out.put("x1", x1);
            out.put("x2", x2);
        }
    }
}
