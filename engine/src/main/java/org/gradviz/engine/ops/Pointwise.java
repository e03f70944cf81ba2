package org.gradviz.engine.ops;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/** Element-wise functions of one tensor, each followed by its backward node. */
public final class Pointwise {
    private Pointwise() {
    }

    /** {@code f} on every element; integer inputs of a floating-point function give float32, as in PyTorch. */
    static Tensor map(Tensor a, DoubleUnaryOperator f, boolean floatResult) {
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

    private static Tensor record(String op, Node node, Tensor out, Tensor a) {
        if (node != null) {
            Autograd.attach(node, out, a);
        }
        Autograd.fireOpExecuted(op, out, a);
        return out;
    }

    // ----- sin, cos

    public static Tensor sin(Tensor a) {
        Tensor out = map(a, Math::sin, true);
        return record("sin", Autograd.needsRecording(a) ? new SinBackward0(a) : null, out, a);
    }

    /** d(sin a)/da = cos a. */
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
            return new Tensor[] {Arithmetic.elementwise(grads[0], self.unpack(), (g, x) -> g * Math.cos(x))};
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
        Tensor out = map(a, Math::cos, true);
        return record("cos", Autograd.needsRecording(a) ? new CosBackward0(a) : null, out, a);
    }

    /** d(cos a)/da = -sin a. */
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
            return new Tensor[] {Arithmetic.elementwise(grads[0], self.unpack(), (g, x) -> g * -Math.sin(x))};
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
        Tensor out = map(a, Math::exp, true);
        return record("exp", Autograd.needsRecording(a) ? new ResultBackward("ExpBackward0", out, (g, r) -> g * r)
                : null, out, a);
    }

    public static Tensor log(Tensor a) {
        Tensor out = map(a, Math::log, true);
        return record("log", Autograd.needsRecording(a) ? new LogBackward0(a) : null, out, a);
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
        Tensor out = map(a, a.dtype() == DType.FLOAT32 ? Pointwise::floatSigmoid : Pointwise::stableSigmoid, true);
        return record("sigmoid", Autograd.needsRecording(a)
                ? new ResultBackward("SigmoidBackward0", out, (g, r) -> g * ((1 - r) * r)) : null, out, a);
    }

    // NOTE: PyTorch's float32 kernel computes 1 / (1 + exp(-x)) in float, rounding at each step; near 1 the
    // last bit matters (1 - sigmoid(6.7) differs by 5e-5 relative), so float32 follows the same steps.
    static double floatSigmoid(double x) {
        float e = (float) Math.exp(-x);
        return 1f / (1f + e);
    }

    // NOTE: 1/(1+e^-x) overflows nowhere and loses nothing for x < 0 when written as e^x/(1+e^x).
    static double stableSigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    public static Tensor tanh(Tensor a) {
        Tensor out = map(a, Math::tanh, true);
        return record("tanh", Autograd.needsRecording(a)
                ? new ResultBackward("TanhBackward0", out, (g, r) -> g * (1 - r * r)) : null, out, a);
    }

    public static Tensor relu(Tensor a) {
        // NOTE: relu'(0) = 0, as PyTorch's threshold_backward (result > 0).
        Tensor out = map(a, v -> v > 0 ? v : (Double.isNaN(v) ? v : 0.0), false);
        return record("relu", Autograd.needsRecording(a)
                ? new ResultBackward("ReluBackward0", out, (g, r) -> r > 0 ? g : 0) : null, out, a);
    }

    public static Tensor reciprocal(Tensor a) {
        Tensor out = map(a, v -> 1 / v, true);
        return record("reciprocal", Autograd.needsRecording(a)
                ? new ResultBackward("ReciprocalBackward0", out, (g, r) -> -g * (r * r)) : null, out, a);
    }

    /**
     * The backward of a function whose derivative is a function of its own output (saved as
     * {@code result}): exp' = exp, σ' = σ(1-σ), tanh' = 1 - tanh², relu' = [r > 0], (1/a)' = -r².
     */
    static final class ResultBackward extends Node {
        private final String name;
        private final SavedTensor result;
        private final Broadcast.BinaryFn chainRule;

        ResultBackward(String name, Tensor out, Broadcast.BinaryFn chainRule) {
            this.name = name;
            this.result = saveOutput(out);
            this.chainRule = chainRule;
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
            // exp' = result; the others' backward ops (sigmoid_backward, tanh_backward, threshold_backward) are not
            // recorded by gradviz
            Tensor r = result.unpack();
            return switch (name) {
                case "ExpBackward0" -> new Tensor[] {Arithmetic.mul(grads[0], r)};
                // -grad * (result * result)
                case "ReciprocalBackward0" -> new Tensor[] {Arithmetic.mul(Arithmetic.neg(grads[0]), Arithmetic.mul(r, r))};
                // grad / (2 * result)
                case "SqrtBackward0" -> new Tensor[] {Arithmetic.div(grads[0],
                        Arithmetic.mul(r, Tensor.wrappedNumber(2, true)))};
                default -> null;
            };
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
        return record("sqrt", Autograd.needsRecording(a)
                ? new ResultBackward("SqrtBackward0", out, (g, r) -> g / (2 * r)) : null, out, a);
    }

    public static Tensor abs(Tensor a) {
        Tensor out = map(a, Math::abs, false);
        return record("abs", Autograd.needsRecording(a) ? new AbsBackward0(a) : null, out, a);
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
            return new Tensor[] {Arithmetic.elementwise(grads[0], self.unpack(), (g, x) -> g * Math.signum(x))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    /** {@code t.clone()}: a copy that stays in the graph. */
    public static Tensor clone(Tensor a) {
        Tensor out = map(a, v -> v, false);
        return record("clone", Autograd.needsRecording(a) ? new CloneBackward0() : null, out, a);
    }

    /** d(clone a)/da = 1. */
    static final class CloneBackward0 extends Node {
        @Override
        public String name() {
            return "CloneBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {grads[0]};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }
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
        return record("clamp", Autograd.needsRecording(a) ? new ClampBackward1(a, min, max) : null, out, a);
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

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("max", max == null ? null : Arithmetic.numberValue(max));
            out.put("min", min == null ? null : Arithmetic.numberValue(min));
            out.put("self", self);
        }
    }
}
