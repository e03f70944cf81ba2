package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * {@code t.cumsum(dim)}: running sums along one dimension (CumsumBackward0). Integer and bool tensors sum to int64.
 */
public final class Cumsum {
    private Cumsum() {
    }

    public static Tensor cumsum(Tensor a, long dim) {
        int d = a.shape().normalizeDim(dim);
        DType dtype = a.dtype().isFloatingPoint() ? a.dtype() : DType.INT64;
        Tensor out = Tensor.fromData(a.shape(), dtype, running(a.data(), a.shape(), d, dtype, false));
        return Autograd.record("cumsum", out, () -> new CumsumBackward0(d, a.shape()), a);
    }

    /**
     * Running sums along {@code d} (from the end when {@code reversed}). NOTE: torch's CPU kernel accumulates a
     * float32 tensor in double and rounds each running sum, so the sum is not rounded step by step.
     */
    static double[] running(double[] x, Shape shape, int d, DType dtype, boolean reversed) {
        double[] r = new double[x.length];
        if (shape.rank() == 0) {
            r[0] = x[0];
            return r;
        }
        int n = shape.dim(d);
        int inner = 1;
        for (int i = d + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        int outer = n == 0 || inner == 0 ? 0 : x.length / (n * inner);
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    int i = (o * n + (reversed ? n - 1 - k : k)) * inner + in;
                    acc += x[i];
                    r[i] = dtype.round(acc);
                }
            }
        }
        return r;
    }

    /** d cumsum/dx: the gradient summed from the end ({@code grad.flip(dim).cumsum(dim).flip(dim)}). */
    static final class CumsumBackward0 extends Node {
        private final int dim;
        private final Shape shape;

        CumsumBackward0(int dim, Shape shape) {
            this.dim = dim;
            this.shape = shape;
        }

        @Override
        public String name() {
            return "CumsumBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            if (g.numel() <= 1 || shape.rank() == 0 || shape.dim(dim) == 1) {
                return new Tensor[] {g};
            }
            return new Tensor[] {Tensor.fromData(shape, g.dtype(), running(g.data(), shape, dim, g.dtype(), true))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
        }
    }
}
