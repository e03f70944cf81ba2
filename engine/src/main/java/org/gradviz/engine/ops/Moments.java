package org.gradviz.engine.ops;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code var} and {@code std} of all elements or along one dim, as torch 1.13's CPU kernels compute them, with their
 * chain rules ({@code VarBackward0}, {@code StdBackward0}, torch's {@code var_backward}/{@code std_backward}).
 * <ul>
 *   <li>One result ({@code std_var_all_cpu}): the tensor's mean in its dtype, widened to double; then the sum of
 *       (x − mean)² over the elements in order, in double; divided by max(0, n − correction).</li>
 *   <li>Along a dim (the {@code WelfordOps} reduction): per result, Welford's running mean and m2 in double over the
 *       dim in order, m2 += δ·δ' as one fused multiply-add on AVX2 (two roundings on default,
 *       {@link CpuCapability#mulAdd}); var = m2 / (n − correction), or m2 / 0 when n is not above the correction.</li>
 * </ul>
 * std is the square root of that var in double; both are then rounded to the dtype.
 */
public final class Moments {
    private Moments() {
    }

    /** {@code a.var(correction=c)} or {@code a.std(...)} over every element. */
    public static Tensor all(Tensor a, double correction, boolean sqrt) {
        requireFloat(a, sqrt);
        double value = allReduce(a, correction, sqrt);
        Tensor out = Tensor.fromData(Shape.SCALAR, a.dtype(), new double[] {value});
        return record(a, out, null, false, correction, sqrt);
    }

    /** {@code a.var(dim, correction=c, keepdim=k)} or {@code std}. */
    public static Tensor along(Tensor a, int dim, double correction, boolean keepDim, boolean sqrt) {
        requireFloat(a, sqrt);
        int d = a.shape().normalizeDim(dim);
        Shape outShape = a.shape().reduce(d, keepDim);
        double[] values;
        if (outShape.numel() == 1) {
            values = new double[] {allReduce(a, correction, sqrt)};
        } else {
            values = welford(a, d, correction, sqrt);
        }
        return record(a, Tensor.fromData(outShape, a.dtype(), values), d, keepDim, correction, sqrt);
    }

    private static Tensor record(Tensor a, Tensor out, Integer dim, boolean keepDim, double correction,
            boolean sqrt) {
        return Autograd.record(sqrt ? "std" : "var", out,
                () -> new MomentBackward(a, sqrt ? out : null, dim, keepDim, correction), a);
    }

    private static double allReduce(Tensor a, double correction, boolean sqrt) {
        double mean = Reductions.mean(a.detach()).item();
        double[] x = a.data();
        double sum = 0;
        for (double v : x) {
            double dx = v - mean;
            sum += dx * dx;
        }
        double var = sum / Math.max(0, x.length - correction);
        return sqrt ? Math.sqrt(var) : var;
    }

    private static double[] welford(Tensor a, int d, double correction, boolean sqrt) {
        Shape s = a.shape();
        int size = s.rank() == 0 ? 1 : s.dim(d);
        int inner = 1;
        for (int i = d + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = s.numel() / Math.max(1, size * inner);
        double[] x = a.data();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double mean = 0;
                double m2 = 0;
                for (int k = 0; k < size; k++) {
                    double v = x[(o * size + k) * inner + in];
                    double delta = v - mean;
                    mean = mean + delta / (k + 1);
                    m2 = CpuCapability.mulAdd(delta, v - mean, m2);
                }
                double divisor = size > correction ? size - correction : 0;
                double var = m2 / divisor;
                out[o * inner + in] = sqrt ? Math.sqrt(var) : var;
            }
        }
        return out;
    }

    private static void requireFloat(Tensor a, boolean sqrt) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("std and var only support floating point and complex dtypes");
        }
    }

    /**
     * var_backward: (2 / (n − correction)) · grad · (self − mean), the mean over the reduced elements (kept as a
     * dim), grad unsqueezed where the dim was dropped; std_backward first divides grad by 2·result (0 where the
     * result is 0).
     */
    static final class MomentBackward extends Node {
        private final SavedTensor self;
        private final SavedTensor result;
        private final Integer dim;
        private final boolean keepDim;
        private final double correction;

        MomentBackward(Tensor self, Tensor resultOfStd, Integer dim, boolean keepDim, double correction) {
            this.self = save(self);
            this.result = resultOfStd == null ? null : saveOutput(resultOfStd);
            this.dim = dim;
            this.keepDim = keepDim;
            this.correction = correction;
        }

        @Override
        public String name() {
            return result == null ? "VarBackward0" : "StdBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            try (var g = GradMode.disabled()) {
                return applyDifferentiable(grads);
            }
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {momentBackward(grads[0], self.unpack(), result == null ? null : result.unpack(), dim,
                    keepDim, correction)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            collectMoment(out, correction, dim, keepDim, result, self);
        }
    }

    /**
     * var_backward: (2 / (n − correction)) · grad · (self − mean), over everything (dim null) or along dim; with
     * {@code std}, the result of std first divides grad by 2·result (0 where the result is 0), as std_backward.
     */
    static Tensor momentBackward(Tensor grad, Tensor x, Tensor std, Integer dim, boolean keepDim, double correction) {
        if (std != null) {
            grad = zeroWhereZero(Arithmetic.div(grad, Arithmetic.mulScalar(std, 2)), std);
        }
        if (dim == null) {
            double dof = x.numel() - correction;
            if (dof <= 0) {
                Tensor sign = Pointwise.sgn(Arithmetic.sub(x, Reductions.mean(x)));
                return Arithmetic.mulScalar(Arithmetic.mul(grad, sign), Double.POSITIVE_INFINITY);
            }
            return Arithmetic.mul(Arithmetic.mulScalar(grad, 2.0 / dof), Arithmetic.sub(x, Reductions.mean(x)));
        }
        if (!keepDim && x.dim() > 1) {
            grad = LinearAlgebra.unsqueeze(grad, dim);
        }
        double n = x.dim() == 0 ? 1 : x.shape().dim(dim);
        return Arithmetic.mul(Arithmetic.mulScalar(grad, 2.0 / (n - correction)),
                Arithmetic.sub(x, Reductions.mean(x, dim, true)));
    }

    /** {@code t.masked_fill_(result == 0, 0)}. */
    private static Tensor zeroWhereZero(Tensor t, Tensor r) {
        double[] rv = r.data();
        boolean any = false;
        for (double v : rv) {
            any |= v == 0;
        }
        if (!any) {
            return t;
        }
        double[] values = Broadcast.expand(t, t.shape());
        double[] mask = Broadcast.expand(r, t.shape());
        for (int i = 0; i < values.length; i++) {
            if (mask[i] == 0) {
                values[i] = 0;
            }
        }
        return Tensor.fromData(t.shape(), t.dtype(), values);
    }

    /** The saved values of a moment's backward node, under torch's names. */
    private static void collectMoment(Map<String, Object> out, double correction, Integer dim, boolean keepDim,
            SavedTensor result, SavedTensor self) {
        out.put("correction", correction);
        out.put("dim", dim == null ? null : List.of((long) dim));
        out.put("keepdim", keepDim);
        if (result != null) {
            out.put("result", result);
        }
        out.put("self", self);
    }

    // ----- var_mean, std_mean

    /**
     * {@code torch.var_mean(a, dim, correction=c, keepdim=k)} or {@code std_mean} (dim null: every element): both
     * results from one Welford pass (WelfordOps, torch's std_var_mean_out has no one-result shortcut), the mean
     * Welford's running mean rounded to the dtype. One node with two outputs (VarMeanBackward0/StdMeanBackward0).
     */
    public static Tensor[] withMean(Tensor a, Integer dim, double correction, boolean keepDim, boolean sqrt) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime((sqrt ? "std_mean" : "var_mean")
                    + " only support floating point and complex dtypes");
        }
        Integer d = dim == null ? null : a.shape().normalizeDim(dim);
        Shape outShape = d == null ? (keepDim ? ones(a.dim()) : Shape.SCALAR) : a.shape().reduce(d, keepDim);
        Tensor flat = d == null ? Tensor.fromData(Shape.of(a.numel()), a.dtype(), a.data()) : a;
        int along = d == null ? 0 : d;
        double[] moments;
        double[] means;
        if (a.numel() == 0) {
            // NOTE: torch fills both results with NaN when nothing is reduced
            moments = new double[outShape.numel()];
            means = new double[outShape.numel()];
            java.util.Arrays.fill(moments, Double.NaN);
            java.util.Arrays.fill(means, Double.NaN);
        } else {
            moments = welford(flat, along, correction, sqrt);
            means = welfordMeans(flat, along);
        }
        Tensor moment = Tensor.fromData(outShape, a.dtype(), a.dtype().roundAll(moments));
        Tensor mean = Tensor.fromData(outShape, a.dtype(), a.dtype().roundAll(means));
        Tensor[] outputs = {moment, mean};
        if (GradMode.isEnabled() && a.requiresGrad()) {
            Autograd.attachOutputs(new MomentWithMeanBackward(a, sqrt ? moment : null, d, keepDim, correction),
                    outputs, a);
        }
        Autograd.fireOpExecuted(sqrt ? "std_mean" : "var_mean", moment, a);
        return outputs;
    }

    private static Shape ones(int rank) {
        int[] d = new int[rank];
        java.util.Arrays.fill(d, 1);
        return Shape.of(d);
    }

    /** Welford's running means along d, as {@link #welford} computes them. */
    private static double[] welfordMeans(Tensor a, int d) {
        Shape s = a.shape();
        int size = s.rank() == 0 ? 1 : s.dim(d);
        int inner = 1;
        for (int i = d + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = s.numel() / Math.max(1, size * inner);
        double[] x = a.data();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double mean = 0;
                for (int k = 0; k < size; k++) {
                    mean = mean + (x[(o * size + k) * inner + in] - mean) / (k + 1);
                }
                out[o * inner + in] = mean;
            }
        }
        return out;
    }

    /**
     * d var_mean(a)/da (var_mean_backward): var_backward of the first output's gradient (std_backward for std_mean)
     * plus mean_backward of the second's (spread over the reduced elements, divided by their count); either may be
     * absent.
     */
    static final class MomentWithMeanBackward extends Node {
        private final SavedTensor self;
        private final SavedTensor result;
        private final Integer dim;
        private final boolean keepDim;
        private final double correction;

        MomentWithMeanBackward(Tensor self, Tensor resultOfStd, Integer dim, boolean keepDim, double correction) {
            this.self = save(self);
            this.result = resultOfStd == null ? null : saveOutput(resultOfStd);
            this.dim = dim;
            this.keepDim = keepDim;
            this.correction = correction;
        }

        @Override
        public String name() {
            return result == null ? "VarMeanBackward0" : "StdMeanBackward0";
        }

        @Override
        public int numOutputs() {
            return 2;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            try (var g = GradMode.disabled()) {
                return applyDifferentiable(grads);
            }
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor gself = null;
            if (grads[0] != null) {
                gself = momentBackward(grads[0], x, result == null ? null : result.unpack(), dim, keepDim,
                        correction);
            }
            if (grads.length > 1 && grads[1] != null) {
                Tensor g = grads[1];
                int n = x.numel();
                if (dim != null) {
                    n = x.dim() == 0 ? 1 : x.shape().dim(dim);
                    if (!keepDim && x.dim() > 0) {
                        g = LinearAlgebra.unsqueeze(g, dim);
                    }
                }
                Tensor aux = Arithmetic.divScalar(Views.expand(g, longs(x.shape())), n);
                gself = gself == null ? aux : Arithmetic.add(gself, aux);
            }
            return new Tensor[] {gself};
        }

        private static long[] longs(Shape s) {
            long[] out = new long[s.rank()];
            for (int i = 0; i < out.length; i++) {
                out[i] = s.dim(i);
            }
            return out;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            collectMoment(out, correction, dim, keepDim, result, self);
        }
    }
}
