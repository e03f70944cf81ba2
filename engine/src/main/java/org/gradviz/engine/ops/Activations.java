package org.gradviz.engine.ops;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.TorchActivationKernels;

/**
 * The activations of {@code torch.nn.functional} beyond relu, sigmoid and tanh: leaky_relu, elu, silu, softplus and
 * gelu, each followed by its backward node; and the in-place relu_, leaky_relu_, elu_ (whose node saves the result)
 * and silu_ (whose node saves a copy of the input).
 * The numbers are PyTorch 1.13's CPU kernels ({@link TorchActivationKernels}).
 */
public final class Activations {
    private Activations() {
    }

    /** A float input's kernel on its floats, a double input's on its doubles; other dtypes are torch's error. */
    private static Tensor kernel(String name, Tensor a, UnaryOperator<float[]> f32, UnaryOperator<double[]> f64) {
        if (a.dtype() == DType.FLOAT32) {
            return Tensor.fromFloats(a.shape(), f32.apply(a.floats()));
        }
        if (a.dtype() == DType.FLOAT64) {
            return Tensor.fromData(a.shape(), a.dtype(), f64.apply(a.data()));
        }
        throw TorchException.runtime("\"" + name + "\" not implemented for '" + typeName(a.dtype()) + "'");
    }

    /** A backward kernel of (grad, input): the gradient read at the input's dtype, as torch's TensorIterator does. */
    private static Tensor kernel2(Tensor grad, Tensor x, BinaryOperator<float[]> f32, BinaryOperator<double[]> f64) {
        if (x.dtype() == DType.FLOAT32) {
            return Tensor.fromFloats(x.shape(), f32.apply(grad.floats(), x.floats()));
        }
        return Tensor.fromData(x.shape(), x.dtype(), f64.apply(grad.data(), x.data()));
    }

    private static String typeName(DType d) {
        return d.scalarTypeName();
    }

    // ----- leaky_relu

    /** a > 0 ? a : a·negative_slope, the slope rounded to the dtype. */
    public static Tensor leakyRelu(Tensor a, double negativeSlope) {
        Tensor out = leakyReluValues(a, negativeSlope);
        return Autograd.record("leaky_relu", out, () -> new LeakyReluBackward0(a, negativeSlope), a);
    }

    private static Tensor leakyReluValues(Tensor a, double slope) {
        return kernel("leaky_relu_cpu", a, x -> {
            float s = (float) slope;
            float[] r = new float[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] > 0 ? x[i] : x[i] * s;
            }
            return r;
        }, x -> {
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] > 0 ? x[i] : x[i] * slope;
            }
            return r;
        });
    }

    /** torch's leaky_relu_backward(grad, x, slope): x > 0 ? grad : grad·slope. */
    static Tensor leakyReluBackward(Tensor grad, Tensor x, double slope) {
        return kernel2(grad, x, (g, v) -> {
            float s = (float) slope;
            float[] r = new float[v.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = v[i] > 0 ? g[i] : g[i] * s;
            }
            return r;
        }, (g, v) -> {
            double[] r = new double[v.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = v[i] > 0 ? g[i] : g[i] * slope;
            }
            return r;
        });
    }

    /** d leaky_relu(a)/da = 1 where a > 0, else negative_slope. */
    static final class LeakyReluBackward0 extends Node {
        private final SavedTensor self;
        private final double slope;

        LeakyReluBackward0(Tensor a, double slope) {
            this.self = save(a);
            this.slope = slope;
        }

        @Override
        public String name() {
            return "LeakyReluBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {leakyReluBackward(grads[0], self.unpack(), slope)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("negative_slope", Arithmetic.numberValue(slope));
            out.put("self", self);
        }
    }

    /**
     * {@code a.leaky_relu_(slope)}: a's values replaced, a's grad_fn LeakyReluBackward1, which saves the result (a
     * itself, so a later in-place change of a is torch's error at backward).
     */
    public static Tensor leakyReluInPlace(Tensor a, double negativeSlope) {
        a.assignInPlace(leakyReluValues(a, negativeSlope));
        return Autograd.record("leaky_relu_", a, () -> new LeakyReluBackward1(a, negativeSlope), a);
    }

    /** As LeakyReluBackward0, reading the sign from the saved result (the same sign for a slope ≥ 0). */
    static final class LeakyReluBackward1 extends Node {
        private final SavedTensor result;
        private final double slope;

        LeakyReluBackward1(Tensor out, double slope) {
            this.result = saveOutput(out);
            this.slope = slope;
        }

        @Override
        public String name() {
            return "LeakyReluBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            if (slope < 0) {
                throw TorchException.runtime("In-place leakyReLu backward calculation is triggered with a negative "
                        + "slope which is not supported. This is caused by calling in-place forward function with a "
                        + "negative slope, please call out-of-place version instead. File an issue at "
                        + "https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu "
                        + "backward calculation with negative slope");
            }
            return new Tensor[] {leakyReluBackward(grads[0], result.unpack(), slope)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("negative_slope", Arithmetic.numberValue(slope));
            out.put("result", result);
        }
    }

    /**
     * {@code a.relu_()}: a's values replaced by relu(a), a's grad_fn ReluBackward0 saving the result (a itself), as
     * torch's in-place relu records.
     */
    public static Tensor reluInPlace(Tensor a) {
        Tensor values = Autograd.quietly(() -> Pointwise.relu(a.detach()));
        a.assignInPlace(values);
        return Autograd.record("relu_", a, () -> new Pointwise.ResultBackward("ReluBackward0", a,
                (g, r) -> r <= 0 ? 0 : g, (g, r) -> BackwardOps.thresholdBackward(g, r, 0)), a);
    }

    // ----- elu

    /** {@code F.elu(a, alpha)}: a > 0 ? a : (e^a - 1)·alpha. */
    public static Tensor elu(Tensor a, double alpha) {
        Tensor out = kernel("elu_cpu", a, x -> TorchActivationKernels.eluFloat(x, (float) alpha),
                x -> TorchActivationKernels.eluDouble(x, alpha));
        return Autograd.record("elu", out, () -> new EluBackward0(a, alpha), a);
    }

    /** d elu(a)/da = 1 where a > 0, else alpha·e^a. */
    static final class EluBackward0 extends Node {
        private final SavedTensor self;
        private final double alpha;

        EluBackward0(Tensor a, double alpha) {
            this.self = save(a);
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "EluBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {kernel2(grads[0], self.unpack(),
                    (g, x) -> TorchActivationKernels.eluBackwardFloat(g, x, (float) alpha),
                    (g, x) -> TorchActivationKernels.eluBackwardDouble(g, x, alpha))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", Arithmetic.numberValue(alpha));
            out.put("input_scale", 1L);
            out.put("scale", 1L);
            out.put("self", self);
        }
    }

    /** {@code a.elu_(alpha)} (nn.ELU(inplace=True)): a's values replaced, EluBackward1 saving the result. */
    public static Tensor eluInPlace(Tensor a, double alpha) {
        a.assignInPlace(Autograd.quietly(() -> elu(a.detach(), alpha)));
        return Autograd.record("elu_", a, () -> new EluBackward1(a, alpha), a);
    }

    /** As EluBackward0, from the result: r > 0 ? g : g·1·(r + alpha). */
    static final class EluBackward1 extends Node {
        private final SavedTensor result;
        private final double alpha;

        EluBackward1(Tensor out, double alpha) {
            this.result = saveOutput(out);
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "EluBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            if (alpha < 0) {
                throw TorchException.runtime("In-place elu backward calculation is triggered with a negative slope "
                        + "which is not supported. This is caused by calling in-place forward function with a "
                        + "negative slope, please call out-of-place version instead.");
            }
            return new Tensor[] {kernel2(grads[0], result.unpack(), (g, r) -> {
                float a = (float) alpha;
                float[] out = new float[r.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = r[i] > 0 ? g[i] : g[i] * 1f * (r[i] + a);
                }
                return out;
            }, (g, r) -> {
                double[] out = new double[r.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = r[i] > 0 ? g[i] : g[i] * 1d * (r[i] + alpha);
                }
                return out;
            })};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", Arithmetic.numberValue(alpha));
            out.put("input_scale", 1L);
            out.put("result", result);
            out.put("scale", 1L);
        }
    }

    // ----- silu

    /** {@code F.silu(a)}: a·σ(a). */
    public static Tensor silu(Tensor a) {
        Tensor out = kernel("silu_cpu", a, TorchActivationKernels::siluFloat, TorchActivationKernels::siluDouble);
        return Autograd.record("silu", out, () -> new SiluBackward0(a), a);
    }

    /**
     * {@code F.silu(a, inplace=True)}: a's values replaced; SiluBackward0 keeps a copy of a's old values, as torch's
     * in-place autograd saves the original self.
     */
    public static Tensor siluInPlace(Tensor a) {
        Tensor original = a.detachedCopy();
        a.assignInPlace(Autograd.quietly(() -> silu(a.detach())));
        return Autograd.record("silu_", a, () -> new SiluBackward0(original), a);
    }

    /** d silu(a)/da = σ(a)·(1 + a·(1 - σ(a))). */
    static final class SiluBackward0 extends Node {
        private final SavedTensor self;

        SiluBackward0(Tensor a) {
            this.self = save(a);
        }

        @Override
        public String name() {
            return "SiluBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {kernel2(grads[0], self.unpack(), TorchActivationKernels::siluBackwardFloat,
                    TorchActivationKernels::siluBackwardDouble)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    // ----- softplus

    /** {@code F.softplus(a, beta, threshold)}: log(1 + e^(beta·a)) / beta, a itself where beta·a > threshold. */
    public static Tensor softplus(Tensor a, double beta, double threshold) {
        Tensor out = kernel("softplus_cpu", a,
                x -> TorchActivationKernels.softplusFloat(x, (float) beta, (float) threshold),
                x -> TorchActivationKernels.softplusDouble(x, beta, threshold));
        return Autograd.record("softplus", out, () -> new SoftplusBackward0(a, beta, threshold), a);
    }

    /** d softplus(a)/da = z / (z + 1) with z = e^(beta·a); 1 where beta·a > threshold. */
    static final class SoftplusBackward0 extends Node {
        private final SavedTensor self;
        private final double beta;
        private final double threshold;

        SoftplusBackward0(Tensor a, double beta, double threshold) {
            this.self = save(a);
            this.beta = beta;
            this.threshold = threshold;
        }

        @Override
        public String name() {
            return "SoftplusBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {kernel2(grads[0], self.unpack(),
                    (g, x) -> TorchActivationKernels.softplusBackwardFloat(g, x, (float) beta, (float) threshold),
                    (g, x) -> TorchActivationKernels.softplusBackwardDouble(g, x, beta, threshold))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("beta", Arithmetic.numberValue(beta));
            out.put("self", self);
            out.put("threshold", Arithmetic.numberValue(threshold));
        }
    }

    // ----- gelu

    /** {@code F.gelu(a, approximate)}: a·Φ(a), or with approximate='tanh' its tanh approximation. */
    public static Tensor gelu(Tensor a, boolean tanh) {
        Tensor out = tanh
                ? kernel("GeluKernelImpl", a, TorchActivationKernels::geluTanhFloat,
                        TorchActivationKernels::geluTanhDouble)
                : kernel("GeluKernelImpl", a, TorchActivationKernels::geluFloat, TorchActivationKernels::geluDouble);
        return Autograd.record("gelu", out, () -> new GeluBackward0(a, tanh), a);
    }

    /** d gelu(a)/da = Φ(a) + a·φ(a) (or the tanh approximation's derivative). */
    static final class GeluBackward0 extends Node {
        private final SavedTensor self;
        private final boolean tanh;

        GeluBackward0(Tensor a, boolean tanh) {
            this.self = save(a);
            this.tanh = tanh;
        }

        @Override
        public String name() {
            return "GeluBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            return new Tensor[] {tanh
                    ? kernel2(grads[0], x, TorchActivationKernels::geluTanhBackwardFloat,
                            TorchActivationKernels::geluTanhBackwardDouble)
                    : kernel2(grads[0], x, TorchActivationKernels::geluBackwardFloat,
                            TorchActivationKernels::geluBackwardDouble)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("approximate", tanh ? "tanh" : "none");
            out.put("self", self);
        }
    }
}
