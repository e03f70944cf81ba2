package org.gradviz.engine.ops;

import java.util.ArrayList;
import java.util.List;
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
 * {@code torch.layer_norm(input, normalized_shape, weight, bias, eps)} as torch 1.13's CPU kernel
 * ({@code aten/src/ATen/native/cpu/layer_norm_kernel.cpp}, one thread), and its chain rule
 * ({@code NativeLayerNormBackward0}, {@code LayerNormBackwardKernelImpl}). The input is M rows of the N elements the
 * last dimensions (normalized_shape) hold; all arithmetic is in the dtype.
 */
public final class LayerNorm {

    private LayerNorm() {
    }

    /** {@code F.layer_norm}; weight and bias may be null. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int n = checkInputs(input, normalizedShape, weight, bias);
        int m = n == 0 ? 0 : input.numel() / n;
        DType dt = input.dtype();
        double[] x = input.data();
        double[] y = new double[x.length];
        double[] mean = new double[m];
        double[] rstd = new double[m];
        forward(x, m, n, weight == null ? null : weight.data(), bias == null ? null : bias.data(), eps, dt, y, mean,
                rstd);
        Tensor out = Tensor.fromData(input.shape(), dt, y);
        Shape statShape = statShape(input.shape(), normalizedShape.length);
        Tensor meanT = Tensor.fromData(statShape, dt, mean);
        Tensor rstdT = Tensor.fromData(statShape, dt, rstd);
        return Autograd.record("layer_norm", out, () -> new NativeLayerNormBackward(input, normalizedShape, weight,
                bias, meanT, rstdT, eps), input, weight, bias);
    }

    /** The input's leading dimensions, then 1 for each normalized one: the shape of the saved mean and rstd. */
    private static Shape statShape(Shape s, int normalized) {
        int[] dims = s.dims().clone();
        for (int i = dims.length - normalized; i < dims.length; i++) {
            dims[i] = 1;
        }
        return Shape.of(dims);
    }

    /** {@code _check_layer_norm_inputs}: torch's errors; N, the elements of one row. */
    private static int checkInputs(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias) {
        String normalized = listText(normalizedShape);
        if (normalizedShape.length == 0) {
            throw TorchException.runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at "
                    + "least one element, but got normalized_shape = " + normalized);
        }
        for (Object[] p : new Object[][] {{"weight", weight}, {"bias", bias}}) {
            Tensor t = (Tensor) p[1];
            if (t != null && !java.util.Arrays.equals(t.shape().dims(), normalizedShape)) {
                throw TorchException.runtime("Expected " + p[0] + " to be of same shape as normalized_shape, but got "
                        + p[0] + " of shape " + t.shape().listText() + " and normalized_shape = " + normalized);
            }
        }
        int rank = input.dim();
        int k = normalizedShape.length;
        boolean fits = rank >= k;
        for (int i = 0; fits && i < k; i++) {
            fits = input.shape().dim(rank - k + i) == normalizedShape[i];
        }
        if (!fits) {
            StringBuilder expected = new StringBuilder("[*");
            for (int d : normalizedShape) {
                expected.append(", ").append(d);
            }
            throw TorchException.runtime("Given normalized_shape=" + normalized + ", expected input with shape "
                    + expected + "], but got input of size" + input.shape().listText());
        }
        for (Tensor t : new Tensor[] {weight, bias}) {
            if (t != null && t.dtype() != input.dtype()) {
                throw TorchException.runtime("expected scalar type " + input.dtype().scalarTypeName()
                        + " but found " + t.dtype().scalarTypeName());
            }
        }
        int n = 1;
        for (int d : normalizedShape) {
            n *= d;
        }
        return n;
    }

    private static String listText(int[] dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * LayerNormKernelImplInternal: per row, (mean, var) = {@link RowwiseMoments}, rstd = 1 / √(var + eps) (eps in
     * the dtype), scale = rstd, shift = −rstd·mean, y = (x·scale + shift)·γ + β (γ = 1, β = 0 when absent), both
     * products fused with their sums on AVX2.
     */
    static void forward(double[] x, int m, int n, double[] gamma, double[] beta, double eps, DType dt, double[] y,
            double[] mean, double[] rstd) {
        TypedMath f = new TypedMath(dt);
        double epsT = dt.round(eps);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double[] moments = RowwiseMoments.of(x, row, n, dt);
            double r = f.div(1, f.sqrt(f.add(moments[1], epsT)));
            double shift = f.mul(-r, moments[0]);
            for (int j = 0; j < n; j++) {
                double g = gamma == null ? 1 : gamma[j];
                double b = beta == null ? 0 : beta[j];
                y[row + j] = f.mulAdd(f.mulAdd(x[row + j], r, shift), g, b);
            }
            mean[i] = moments[0];
            rstd[i] = r;
        }
    }

    /**
     * LayerNormBackwardKernelImplInternal, for the gradients asked for ({dx, dγ, dβ}, null where not):
     * <ul>
     *   <li>dγ_j = Σ_rows dy·(a·x + b) with a = rstd, b = −a·mean, and dβ_j = Σ_rows dy, each row added in turn
     *       (both products fused on AVX2);</li>
     *   <li>per row, ds = Σ dy·x·γ and db = Σ dy·γ as vector reductions ({@link VecReduce#dot}), then
     *       b = (db·mean − ds)·a³/N, c = −b·mean − db·a/N and dx = a·dy·γ + b·x + c.</li>
     * </ul>
     */
    static double[][] backward(double[] dy, double[] x, double[] mean, double[] rstd, double[] gamma, int m, int n,
            DType dt, boolean[] needed) {
        TypedMath f = new TypedMath(dt);
        double[] dx = needed[0] ? new double[x.length] : null;
        double[] dgamma = needed[1] ? new double[n] : null;
        double[] dbeta = needed[2] ? new double[n] : null;
        double scale = f.div(1, n);
        double[] products = new double[n];
        for (int i = 0; i < m; i++) {
            int row = i * n;
            if (dgamma != null) {
                double a = rstd[i];
                double b = f.mul(-a, mean[i]);
                for (int j = 0; j < n; j++) {
                    dgamma[j] = f.mulAdd(dy[row + j], f.mulAdd(a, x[row + j], b), dgamma[j]);
                }
            }
            if (dbeta != null) {
                for (int j = 0; j < n; j++) {
                    dbeta[j] = f.add(dbeta[j], dy[row + j]);
                }
            }
            if (dx != null) {
                double ds;
                double db;
                if (gamma == null) {
                    ds = VecReduce.dot(dy, x, row, n, dt);
                    db = VecReduce.sum(dy, row, n, dt);
                } else {
                    for (int j = 0; j < n; j++) {
                        products[j] = f.mul(dy[row + j], x[row + j]);
                    }
                    ds = VecReduce.dot(products, gamma, 0, n, dt);
                    db = VecReduce.dot(java.util.Arrays.copyOfRange(dy, row, row + n), gamma, 0, n, dt);
                }
                double a = rstd[i];
                double b = f.mul(f.mul(f.mul(f.mul(f.mulAdd(db, mean[i], -ds), a), a), a), scale);
                double c = f.mulAdd(-b, mean[i], -f.mul(f.mul(db, a), scale));
                for (int j = 0; j < n; j++) {
                    // NOTE: a·dy·γ + b·x + c: GCC evaluates the vector operator's right operand first and fuses
                    // b·x with the sum (measured against torch 1.13)
                    double lead = f.mul(a, dy[row + j]);
                    if (gamma != null) {
                        lead = f.mul(lead, gamma[j]);
                    }
                    dx[row + j] = f.add(f.mulAdd(b, x[row + j], lead), c);
                }
            }
        }
        if (dgamma != null) {
            for (int j = 0; j < n; j++) {
                dgamma[j] = f.add(0, dgamma[j]);
            }
        }
        if (dbeta != null) {
            for (int j = 0; j < n; j++) {
                dbeta[j] = f.add(0, dbeta[j]);
            }
        }
        return new double[][] {dx, dgamma, dbeta};
    }

    /** d layer_norm / d(input, weight, bias) by {@link #backward}, from the saved input, mean and rstd. */
    static final class NativeLayerNormBackward extends Node {
        private final SavedTensor input;
        private final int[] normalizedShape;
        private final SavedTensor weight;
        private final SavedTensor bias;
        private final SavedTensor mean;
        private final SavedTensor rstd;
        private final int n;

        NativeLayerNormBackward(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, Tensor mean,
                Tensor rstd, double eps) {
            this.input = save(input);
            this.normalizedShape = normalizedShape.clone();
            this.weight = weight == null ? null : save(weight);
            this.bias = bias == null ? null : save(bias);
            this.mean = saveOutput(mean);
            this.rstd = saveOutput(rstd);
            int count = 1;
            for (int d : normalizedShape) {
                count *= d;
            }
            this.n = count;
        }

        @Override
        public String name() {
            return "NativeLayerNormBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = input.unpack();
            Tensor w = weight == null ? null : weight.unpack();
            DType dt = x.dtype();
            int m = n == 0 ? 0 : x.numel() / n;
            boolean[] needed = {needsInputGrad(0), needsInputGrad(1) && w != null, needsInputGrad(2) && bias != null};
            double[] dy = Broadcast.expand(grads[0], x.shape());
            double[][] g = backward(dy, x.data(), mean.unpack().data(), rstd.unpack().data(),
                    w == null ? null : w.data(), m, n, dt, needed);
            Shape ws = Shape.of(normalizedShape);
            return new Tensor[] {
                g[0] == null ? null : Tensor.fromData(x.shape(), dt, g[0]),
                g[1] == null ? null : Tensor.fromData(ws, dt, g[1]),
                g[2] == null ? null : Tensor.fromData(ws, dt, g[2])};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("bias", bias);
            out.put("input", input);
            List<Long> shape = new ArrayList<>();
            for (int d : normalizedShape) {
                shape.add((long) d);
            }
            out.put("normalized_shape", shape);
            out.put("result1", mean);
            out.put("result2", rstd);
            out.put("weight", weight);
        }
    }
}
