package org.gradviz.engine.ops;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.FreshOrGivenGradients;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.SpareFloats;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.TorchUnaryKernels;

/** Element-wise functions of one tensor, each followed by its backward node. */
public final class Pointwise {
    private Pointwise() {
    }

    /** {@code f} on every element; integer inputs of a floating-point function give float32, as in PyTorch. */
    static Tensor map(Tensor a, DoubleUnaryOperator f, boolean floatResult) {
        if (a.dtype() == DType.FLOAT32) {
            float[] x = a.floats();
            float[] r = SpareFloats.forOverwrite(x.length);
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) f.applyAsDouble(x[i]);
            }
            return Tensor.fromFloats(a.shape(), r);
        }
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(x[i]);
        }
        DType dtype = floatResult && !a.dtype().isFloatingPoint() ? DType.defaultFloat() : a.dtype();
        return Tensor.fromData(a.shape(), dtype, r);
    }

    /** {@code -a} without recording (used by the chain rules too). */
    static Tensor negated(Tensor a) {
        return map(a, v -> -v, false);
    }

    /**
     * A transcendental function as PyTorch's CPU kernel computes it: {@code f32} on float32 data (also
     * integer inputs, which give float32), {@code f64} on float64 data.
     */
    private static Tensor kernel(Tensor a, UnaryOperator<float[]> f32, UnaryOperator<double[]> f64) {
        // NOTE: an integer input gives the default float type
        DType dtype = a.dtype().isFloatingPoint() ? a.dtype() : DType.defaultFloat();
        if (dtype == DType.FLOAT64) {
            return Tensor.fromData(a.shape(), dtype, f64.apply(a.data()));
        }
        return Tensor.fromFloats(a.shape(), f32.apply(a.floats()));
    }

    // ----- sin, cos

    public static Tensor sin(Tensor a) {
        Tensor out = kernel(a, TorchUnaryKernels::sinFloat, TorchUnaryKernels::sinDouble);
        return Autograd.record("sin", out, () -> new SinBackward0(a), a);
    }

    /** d(sin a)/da = cos a: PyTorch computes {@code grad * self.cos()} with its cos kernel. */
    static final class SinBackward0 extends Node {
        private final SavedTensor self;

        SinBackward0(Tensor a) {
            self = save(a);
        }

        @Override
        public String name() {
            return "SinBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor cos = kernel(x, TorchUnaryKernels::cosFloat, TorchUnaryKernels::cosDouble);
            return new Tensor[] {Arithmetic.elementwise(grads[0], cos, (g, c) -> g * c)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Arithmetic.mul(grads[0], cos(self.unpack()))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    public static Tensor cos(Tensor a) {
        Tensor out = kernel(a, TorchUnaryKernels::cosFloat, TorchUnaryKernels::cosDouble);
        return Autograd.record("cos", out, () -> new CosBackward0(a), a);
    }

    /** d(cos a)/da = -sin a: PyTorch computes {@code grad * -self.sin()} with its sin kernel. */
    static final class CosBackward0 extends Node {
        private final SavedTensor self;

        CosBackward0(Tensor a) {
            self = save(a);
        }

        @Override
        public String name() {
            return "CosBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor sin = kernel(x, TorchUnaryKernels::sinFloat, TorchUnaryKernels::sinDouble);
            return new Tensor[] {Arithmetic.elementwise(grads[0], sin, (g, s) -> g * -s)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Arithmetic.mul(grads[0], Arithmetic.neg(sin(self.unpack())))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    // ----- exp, log

    public static Tensor exp(Tensor a) {
        Tensor out = kernel(a, TorchUnaryKernels::expFloat, TorchUnaryKernels::expDouble);
        // d(e^a)/da = e^a
        return Autograd.record("exp", out,
                () -> new ResultBackward("ExpBackward0", out, (g, r) -> g * r, Arithmetic::mul), a);
    }

    public static Tensor log(Tensor a) {
        Tensor out = kernel(a, TorchUnaryKernels::logFloat, TorchUnaryKernels::logDouble);
        return Autograd.record("log", out, () -> new LogBackward0(a), a);
    }

    /** d(ln a)/da = 1/a. */
    static final class LogBackward0 extends Node {
        private final SavedTensor self;

        LogBackward0(Tensor a) {
            self = save(a);
        }

        @Override
        public String name() {
            return "LogBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Arithmetic.elementwise(grads[0], self.unpack(), (g, x) -> g / x)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Arithmetic.div(grads[0], self.unpack())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    // ----- functions whose derivative is written with their result

    public static Tensor sigmoid(Tensor a) {
        Tensor out = kernel(a, TorchUnaryKernels::sigmoidFloat, TorchUnaryKernels::sigmoidDouble);
        return Autograd.record("sigmoid", out,
                () -> new ResultBackward("SigmoidBackward0", out, sigmoidBackward(out.dtype()),
                        BackwardOps::sigmoidBackward), a);
    }

    /** torch's sigmoid_backward(grad, result) = (grad · (1 - result)) · result, each step rounded to the dtype. */
    public static Broadcast.BinaryFn sigmoidBackward(DType dtype) {
        return dtype == DType.FLOAT32
                ? (g, r) -> ((float) g * (1f - (float) r)) * (float) r
                : (g, r) -> (g * (1 - r)) * r;
    }

    public static Tensor tanh(Tensor a) {
        Tensor out = kernel(a, TorchUnaryKernels::tanhFloat, TorchUnaryKernels::tanhDouble);
        return Autograd.record("tanh", out,
                () -> new ResultBackward("TanhBackward0", out, tanhBackward(out.dtype()), BackwardOps::tanhBackward),
                a);
    }

    /**
     * torch's tanh_backward(grad, result) = grad · (1 - result²) in the dtype.
     * NOTE: 1 - result² is one fused multiply-add on AVX2: GCC contracts it, in the vector loop and the scalar
     * tail alike (not in the default build).
     */
    public static Broadcast.BinaryFn tanhBackward(DType dtype) {
        return dtype == DType.FLOAT32
                ? (g, r) -> (float) g * CpuCapability.mulAdd(-(float) r, (float) r, 1f)
                : (g, r) -> g * CpuCapability.mulAdd(-r, r, 1);
    }

    public static Tensor relu(Tensor a) {
        // NOTE: relu'(0) = 0, as PyTorch's threshold_backward(grad, result, 0): 0 where result <= 0, else grad
        Tensor out = map(a, v -> v > 0 ? v : (Double.isNaN(v) ? v : 0.0), false);
        return Autograd.record("relu", out, () -> new ResultBackward("ReluBackward0", out, (g, r) -> r <= 0 ? 0 : g,
                (g, r) -> BackwardOps.thresholdBackward(g, r, 0)), a);
    }

    public static Tensor reciprocal(Tensor a) {
        Tensor out = map(a, v -> 1 / v, true);
        return Autograd.record("reciprocal", out,
                () -> new ResultBackward("ReciprocalBackward0", out, reciprocalBackward(out.dtype()),
                        // -grad * (result * result)
                        (g, r) -> Arithmetic.mul(Arithmetic.neg(g), Arithmetic.mul(r, r))), a);
    }

    /**
     * The backward of a function whose derivative is a function of its own output (saved as
     * {@code result}): exp' = exp, σ' = σ(1-σ), tanh' = 1 - tanh², relu' = [r > 0], (1/a)' = -r².
     */
    static final class ResultBackward extends Node implements FreshOrGivenGradients {
        private final String name;
        private final SavedTensor result;
        private final Broadcast.BinaryFn chainRule;
        private final BinaryOperator<Tensor> recordedChainRule;

        /**
         * @param chainRule (grad, result) → input gradient, element by element
         * @param recordedChainRule the same with recorded ops (torch's tanh_backward, ...), for create_graph
         */
        ResultBackward(String name, Tensor out, Broadcast.BinaryFn chainRule,
                BinaryOperator<Tensor> recordedChainRule) {
            this.name = name;
            this.result = saveOutput(out);
            this.chainRule = chainRule;
            this.recordedChainRule = recordedChainRule;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Arithmetic.elementwise(grads[0], result.unpack(), chainRule)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {recordedChainRule.apply(grads[0], result.unpack())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("result", result);
        }
    }

    // ----- sqrt, abs, clone

    public static Tensor sqrt(Tensor a) {
        Tensor out = map(a, Math::sqrt, true);
        // d(sqrt a)/da = 1 / (2 sqrt a)
        return Autograd.record("sqrt", out, () -> new ResultBackward("SqrtBackward0", out, (g, r) -> g / (2 * r),
                (g, r) -> Arithmetic.div(g, Arithmetic.mul(r, Tensor.wrappedNumber(2, true)))), a);
    }

    public static Tensor abs(Tensor a) {
        Tensor out = map(a, Math::abs, false);
        return Autograd.record("abs", out, () -> new AbsBackward0(a), a);
    }

    /** d|a|/da = sgn(a), 0 at 0. */
    static final class AbsBackward0 extends Node {
        private final SavedTensor self;

        AbsBackward0(Tensor a) {
            self = save(a);
        }

        @Override
        public String name() {
            return "AbsBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Arithmetic.elementwise(grads[0], self.unpack(), (g, x) -> g * sign(x))};
        }

        /** grad · self.sgn(). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Arithmetic.mul(grads[0], sgn(self.unpack()))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    /** reciprocal's chain rule: -grad · (result · result), the square rounded to the dtype first. */
    public static Broadcast.BinaryFn reciprocalBackward(DType dtype) {
        return (g, r) -> -g * dtype.round(r * r);
    }

    /** {@code t.sgn()} of a real tensor: -1, 0 or 1 (0 also for NaN, as torch's (0 < x) - (x < 0)). */
    public static Tensor sgn(Tensor a) {
        Tensor out = map(a, Pointwise::sign, false);
        return Autograd.record("sgn", out, () -> new SgnBackward0(a.shape(), a.dtype()), a);
    }

    /** -1, 0 or 1, and 0 for NaN, as torch's sgn of a real number. */
    public static double sign(double x) {
        return x > 0 ? 1 : x < 0 ? -1 : 0;
    }

    /** d sgn(a)/da = 0 for a real tensor (sgn_backward's zeros). */
    static final class SgnBackward0 extends Node {
        private final InputMeta self;

        SgnBackward0(org.gradviz.engine.Shape shape, DType dtype) {
            self = new InputMeta(shape, dtype);
        }

        @Override
        public String name() {
            return "SgnBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Tensor.fromData(self.shape(), self.dtype(), new double[self.shape().numel()])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }
    }

    /** {@code t.clone()}: a copy that stays in the graph. */
    public static Tensor clone(Tensor a) {
        Tensor out = map(a, v -> v, false);
        return Autograd.record("clone", out, () -> new PassThroughBackward("CloneBackward0"), a);
    }


    // ----- clamp

    /** {@code clamp(a, min, max)}; a null bound is absent. */
    public static Tensor clamp(Tensor a, Double min, Double max) {
        if (min == null && max == null) {
            throw TorchException.runtime("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : a.dtype().round(min);
        double hi = max == null ? Double.POSITIVE_INFINITY : a.dtype().round(max);
        Tensor out = map(a, v -> Double.isNaN(v) ? v : Math.min(Math.max(v, lo), hi), false);
        return Autograd.record("clamp", out, () -> new ClampBackward1(a, min, max), a);
    }

    /** d clamp(a)/da = 1 where min ≤ a ≤ max (both bounds inclusive), else 0. */
    static final class ClampBackward1 extends Node {
        private final SavedTensor self;
        private final Double min;
        private final Double max;

        ClampBackward1(Tensor a, Double min, Double max) {
            self = save(a);
            this.min = min;
            this.max = max;
        }

        @Override
        public String name() {
            return "ClampBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            double lo = min == null ? Double.NEGATIVE_INFINITY : a.dtype().round(min);
            double hi = max == null ? Double.POSITIVE_INFINITY : a.dtype().round(max);
            return new Tensor[] {Arithmetic.elementwise(grads[0], a, (g, x) -> x >= lo && x <= hi ? g : 0)};
        }

        /** clamp_backward: where(self >= min and self <= max, grad, 0), with only the bounds given. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor inside = null;
            if (min != null) {
                inside = Comparison.compare(a, Tensor.wrappedNumber(min, false), Comparison.Kind.GE);
            }
            if (max != null) {
                Tensor below = Comparison.compare(a, Tensor.wrappedNumber(max, false), Comparison.Kind.LE);
                inside = inside == null ? below : Comparison.compare(Arithmetic.mul(inside, below),
                        Tensor.wrappedNumber(1, true), Comparison.Kind.EQ);
            }
            return new Tensor[] {Where.where(inside, grads[0], Where.zero(grads[0].dtype()))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("max", max == null ? null : Arithmetic.numberValue(max));
            out.put("min", min == null ? null : Arithmetic.numberValue(min));
            out.put("self", self);
        }
    }
}
