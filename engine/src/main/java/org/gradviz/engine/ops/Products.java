package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * {@code prod} (of everything: ProdBackward0; along a dim: ProdBackward1) and {@code cumprod} (CumprodBackward0), in
 * the order of torch 1.13's CPU kernels, with their backward formulas' handling of zeros (prod_backward,
 * prod_safe_zeros_backward and cumprod_backward in FunctionsManual.cpp). Integer and bool tensors multiply to int64.
 */
public final class Products {
    private Products() {
    }

    private static DType resultType(Tensor a) {
        return a.dtype().isFloatingPoint() ? a.dtype() : DType.INT64;
    }

    // ----- prod

    /** {@code t.prod()}: every element multiplied (ProdBackward0). */
    public static Tensor prod(Tensor a) {
        DType dt = resultType(a);
        double p = ordered(a.data(), 0, 1, a.numel(), true, dt);
        Tensor out = Tensor.fromData(Shape.SCALAR, dt, new double[] {p});
        return Autograd.record("prod", out, () -> new ProdBackward(a, out, null, false), a);
    }

    /** {@code t.prod(dim, keepdim)} (ProdBackward1). */
    public static Tensor prod(Tensor a, long dim, boolean keepDim) {
        int d = a.shape().normalizeDim(dim);
        DType dt = resultType(a);
        DimensionLines lines = DimensionLines.of(a.shape(), d);
        double[] x = a.data();
        double[] r = new double[lines.outer() * lines.inner()];
        for (int o = 0; o < lines.outer(); o++) {
            for (int i = 0; i < lines.inner(); i++) {
                // NOTE: the reduced elements are contiguous only when nothing follows dim
                r[o * lines.inner() + i] = ordered(x, lines.at(o, 0, i), lines.inner(), lines.size(),
                        lines.inner() == 1, dt);
            }
        }
        Tensor out = Tensor.fromData(a.shape().reduce(d, keepDim), dt, r);
        return Autograd.record("prod", out, () -> new ProdBackward(a, out, d, keepDim), a);
    }

    /**
     * The product of {@code n} values {@code stride} apart, as binary_kernel_reduce_vec multiplies them. Contiguous
     * values ({@code vectorised}) go through vectorized_inner_reduction: 4 vectors of {@link TorchSum#lanes} lanes
     * multiply the blocks of 4 vectors lane by lane, the 4 are combined as (v0·v1)·(v2·v3), the lanes one after
     * another from lane 0, then the values after the last block one by one. Strided values (an outer reduction, each
     * column down its rows) multiply one by one.
     */
    static double ordered(double[] x, int start, int stride, int n, boolean vectorised, DType dt) {
        if (!dt.isFloatingPoint()) {
            long p = 1;
            for (int k = 0; k < n; k++) {
                p *= (long) x[start + k * stride];
            }
            return p;
        }
        int lanes = TorchSum.lanes(dt);
        int block = 4 * lanes;
        int blocks = vectorised ? n / block : 0;
        double p = 1;
        if (blocks > 0) {
            double[] acc = new double[block];
            System.arraycopy(x, start, acc, 0, block);
            for (int b = 1; b < blocks; b++) {
                for (int l = 0; l < block; l++) {
                    acc[l] = dt.round(acc[l] * x[start + b * block + l]);
                }
            }
            double[] v = new double[lanes];
            for (int l = 0; l < lanes; l++) {
                v[l] = dt.round(dt.round(acc[l] * acc[lanes + l]) * dt.round(acc[2 * lanes + l] * acc[3 * lanes + l]));
            }
            double b0 = v[0];
            for (int l = 1; l < lanes; l++) {
                b0 = dt.round(b0 * v[l]);
            }
            p = b0;
        }
        for (int k = blocks * block; k < n; k++) {
            p = dt.round(p * x[start + k * stride]);
        }
        return p;
    }

    /**
     * d prod(a)/da: {@code grad * (result / a)} when no element is 0; else each element's gradient is the product of
     * the others, from exclusive running products from both ends (prod_safe_zeros_backward). Of everything with more
     * than one 0 outside grad mode, torch returns zeros at once.
     */
    static final class ProdBackward extends Node {
        private final SavedTensor self;
        private final SavedTensor result;
        private final Integer dim;
        private final boolean keepDim;

        ProdBackward(Tensor a, Tensor out, Integer dim, boolean keepDim) {
            this.self = save(a);
            this.result = saveOutput(out);
            this.dim = dim;
            this.keepDim = keepDim;
        }

        @Override
        public String name() {
            return dim == null ? "ProdBackward0" : "ProdBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor g = grads[0];
            if (a.dim() == 0) {
                return new Tensor[] {g};
            }
            DType dt = g.dtype();
            double[] x = a.data();
            int zeros = 0;
            for (double v : x) {
                zeros += v == 0 ? 1 : 0;
            }
            int d = dim == null ? 0 : dim;
            Shape lineShape = dim == null ? Shape.of(a.numel()) : a.shape();
            DimensionLines lines = DimensionLines.of(lineShape, d);
            double[] gv = g.data();
            double[] rv = result.unpack().data();
            double[] r = new double[x.length];
            if (zeros > 1 && dim == null) {
                return new Tensor[] {Tensor.fromData(a.shape(), dt, r)};
            }
            for (int o = 0; o < lines.outer(); o++) {
                for (int i = 0; i < lines.inner(); i++) {
                    int reduced = o * lines.inner() + i;
                    double gk = gv[reduced];
                    if (zeros == 0) {
                        for (int k = 0; k < lines.size(); k++) {
                            int at = lines.at(o, k, i);
                            r[at] = dt.round(gk * dt.round(rv[reduced] / x[at]));
                        }
                    } else {
                        safeZeros(x, lines, o, i, gk, dt, r);
                    }
                }
            }
            return new Tensor[] {Tensor.fromData(a.shape(), dt, r)};
        }

        /**
         * One line of prod_safe_zeros_backward: {@code grad * (cumprod([1, x0 .. x(n-2)]) * flip(cumprod([1,
         * x(n-1) .. x1])))}, the running products accumulated as cumprod does (in double for float32).
         */
        private static void safeZeros(double[] x, DimensionLines lines, int o, int i, double g, DType dt, double[] r) {
            int n = lines.size();
            double[] before = new double[n];
            double[] after = new double[n];
            double acc = 1;
            for (int k = 0; k < n; k++) {
                before[k] = dt.round(acc);
                acc *= x[lines.at(o, k, i)];
            }
            acc = 1;
            for (int k = n - 1; k >= 0; k--) {
                after[k] = dt.round(acc);
                acc *= x[lines.at(o, k, i)];
            }
            for (int k = 0; k < n; k++) {
                r[lines.at(o, k, i)] = dt.round(g * dt.round(before[k] * after[k]));
            }
        }

        /** The formula without zeros as recorded ops; with a zero, none (create_graph through it is refused). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            if (a.dim() == 0) {
                return new Tensor[] {grads[0]};
            }
            for (double v : a.data()) {
                if (v == 0) {
                    return null;
                }
            }
            Tensor g = grads[0];
            Tensor res = result.unpack();
            if (dim != null && !keepDim) {
                g = LinearAlgebra.unsqueeze(g, dim);
                res = LinearAlgebra.unsqueeze(res, dim);
            }
            return new Tensor[] {Arithmetic.mul(g, Arithmetic.div(res, a))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            if (dim != null) {
                out.put("dim", (long) (int) dim);
                out.put("keepdim", keepDim);
            }
            out.put("result", result);
            out.put("self", self);
        }
    }

    // ----- cumprod

    /** {@code t.cumprod(dim)} (CumprodBackward0): running products, accumulated in double for float32 as torch's. */
    public static Tensor cumprod(Tensor a, long dim) {
        int d = a.shape().normalizeDim(dim);
        DType dt = resultType(a);
        Tensor out = Tensor.fromData(a.shape(), dt, running(a.data(), DimensionLines.of(a.shape(), d), dt));
        return Autograd.record("cumprod", out, () -> new CumprodBackward0(a, d, out), a);
    }

    private static double[] running(double[] x, DimensionLines lines, DType dt) {
        double[] r = new double[x.length];
        for (int o = 0; o < lines.outer(); o++) {
            for (int i = 0; i < lines.inner(); i++) {
                if (!dt.isFloatingPoint()) {
                    long acc = 1;
                    for (int k = 0; k < lines.size(); k++) {
                        acc *= (long) x[lines.at(o, k, i)];
                        r[lines.at(o, k, i)] = acc;
                    }
                    continue;
                }
                double acc = 1;
                for (int k = 0; k < lines.size(); k++) {
                    acc *= x[lines.at(o, k, i)];
                    r[lines.at(o, k, i)] = dt.round(acc);
                }
            }
        }
        return r;
    }

    /**
     * d cumprod(a)/da (cumprod_backward): without zeros, {@code reversed_cumsum(out * grad) / a}; with zeros, that
     * before the first zero of each line, and at the first zero the sum of the gradients it reaches (running
     * products of the values up to the second zero times the gradients, times the output before it); 0 after.
     */
    static final class CumprodBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor result;
        private final int dim;

        CumprodBackward0(Tensor a, int dim, Tensor out) {
            this.self = save(a);
            this.result = saveOutput(out);
            this.dim = dim;
        }

        @Override
        public String name() {
            return "CumprodBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor g = grads[0];
            if (a.numel() <= 1 || a.dim() == 0 || a.shape().dim(dim) == 1) {
                return new Tensor[] {g};
            }
            DType dt = g.dtype();
            double[] x = a.data();
            double[] out = result.unpack().data();
            double[] gv = g.data();
            DimensionLines lines = DimensionLines.of(a.shape(), dim);
            int n = lines.size();
            double[] w = new double[x.length];
            boolean anyZero = false;
            for (int k = 0; k < x.length; k++) {
                w[k] = dt.round(out[k] * gv[k]);
                anyZero |= x[k] == 0;
            }
            double[] r = new double[x.length];
            // the terms whose sums along dim give the gradient at each line's first zero
            double[] terms = new double[x.length];
            double[] atZero = new double[lines.outer() * lines.inner()];
            int[] firstZero = new int[atZero.length];
            for (int o = 0; o < lines.outer(); o++) {
                for (int i = 0; i < lines.inner(); i++) {
                    int line = o * lines.inner() + i;
                    int z1 = -1;
                    int z2 = n;
                    for (int k = 0; k < n; k++) {
                        if (x[lines.at(o, k, i)] == 0) {
                            if (z1 < 0) {
                                z1 = k;
                            } else {
                                z2 = k;
                                break;
                            }
                        }
                    }
                    firstZero[line] = z1;
                    int end = z1 < 0 ? n : z1;
                    // reversed cumsum of w before the first zero (the rest masked to 0), divided by x
                    double acc = 0;
                    for (int k = n - 1; k >= 0; k--) {
                        acc += k < end ? w[lines.at(o, k, i)] : 0;
                        if (k < end) {
                            int at = lines.at(o, k, i);
                            double s = dt.round(acc);
                            r[at] = dt.round(s / x[at]);
                        }
                    }
                    if (!anyZero || z1 < 0) {
                        continue;
                    }
                    // cumprod of x with 1 outside (z1, z2), times the gradients from z1 up to z2 (0 elsewhere)
                    double p = 1;
                    for (int k = 0; k < n; k++) {
                        int at = lines.at(o, k, i);
                        p *= k > z1 && k < z2 ? x[at] : 1;
                        terms[at] = dt.round(dt.round(p) * (k >= z1 && k < z2 ? gv[at] : 0));
                    }
                }
            }
            if (anyZero) {
                boolean[] reduced = new boolean[a.dim()];
                reduced[dim] = true;
                double[] sums = TorchSum.over(Tensor.fromData(a.shape(), dt, terms), reduced);
                for (int o = 0; o < lines.outer(); o++) {
                    for (int i = 0; i < lines.inner(); i++) {
                        int line = o * lines.inner() + i;
                        int z1 = firstZero[line];
                        if (z1 >= 0) {
                            double before = z1 == 0 ? 1 : out[lines.at(o, z1 - 1, i)];
                            r[lines.at(o, z1, i)] = dt.round(sums[line] * before);
                        }
                    }
                }
            }
            return new Tensor[] {Tensor.fromData(a.shape(), dt, r)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("result", result);
            out.put("self", self);
        }
    }
}
