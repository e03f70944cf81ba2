package org.gradviz.engine.ops;

import java.util.Map;
import java.util.function.BiFunction;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.FreshOrGivenGradients;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcLog;
import org.gradviz.engine.kernels.TorchPowKernels;

/**
 * {@code + - * / ** neg} with broadcasting. Each op's forward is followed by its backward node, whose
 * {@code apply} is the chain rule (derivatives as in PyTorch's derivatives.yaml). A Python number
 * operand arrives as a wrapped number tensor and gets an empty edge, as in PyTorch.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** Runs {@code f} element-wise over the broadcast shape, in the promoted dtype. */
    static Tensor elementwise(Tensor a, Tensor b, Broadcast.BinaryFn f) {
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        DType dtype = Broadcast.resultType(a, b);
        return Broadcast.apply(a, b, shape, dtype, f);
    }

    /**
     * A binary op's forward: {@code f} element-wise, then (when recording) its backward node, whose
     * edge for a wrapped Python number is empty, as in PyTorch.
     */
    private static Tensor binary(String op, Tensor a, Tensor b, Broadcast.BinaryFn f,
            BiFunction<Tensor, Tensor, Node> backward) {
        Tensor out = elementwise(a, b, f);
        return Autograd.record(op, out, () -> backward.apply(a, b),
                new Tensor[] {a, b.isWrappedNumber() ? null : b}, new Tensor[] {a, b});
    }

    // ----- add

    public static Tensor add(Tensor a, Tensor b) {
        return binary("add", a, b, BasicOp.ADD, AddBackward0::new);
    }

    /**
     * {@code torch.add(a, b, alpha=alpha)}: a + alpha·b, one fused multiply-add per element as torch's vectorised
     * CPU kernel ({@code vec::fmadd(other, alpha, self)}); alpha is rounded to the result's dtype first.
     *
     * @param floatAlpha whether alpha is a Python float, which torch refuses for an integer result
     */
    public static Tensor add(Tensor a, Tensor b, double alpha, boolean floatAlpha) {
        return binary("add", a, b, scaledAdd(a, b, alpha, floatAlpha), (x, y) -> new AddBackward0(x, y, alpha,
                floatAlpha));
    }

    /** {@code torch.sub(a, b, alpha=alpha)}: torch's add with -alpha. */
    public static Tensor sub(Tensor a, Tensor b, double alpha, boolean floatAlpha) {
        subCheck(a, b);
        return binary("sub", a, b, scaledAdd(a, b, -alpha, floatAlpha), (x, y) -> new SubBackward0(x, y, alpha,
                floatAlpha));
    }

    /** a + alpha·b in the result's dtype, fused on AVX2 ({@link CpuCapability#mulAdd}), or torch's error for a float alpha of integer tensors. */
    private static Broadcast.BinaryFn scaledAdd(Tensor a, Tensor b, double alpha, boolean floatAlpha) {
        DType dtype = Broadcast.resultType(a, b);
        if (!dtype.isFloatingPoint() && floatAlpha) {
            throw org.gradviz.engine.TorchException.runtime("For integral input tensors, argument alpha must not be "
                    + "a floating point number.");
        }
        if (dtype == DType.FLOAT32) {
            float f = (float) alpha;
            return (x, y) -> CpuCapability.mulAdd((float) y, f, (float) x);
        }
        if (dtype == DType.FLOAT64) {
            return (x, y) -> CpuCapability.mulAdd(y, alpha, x);
        }
        return (x, y) -> x + alpha * y;
    }

    /** {@code grad * alpha} as torch's maybe_multiply: the gradient itself for alpha 1. */
    private static Tensor timesAlpha(Tensor g, double alpha, boolean floatAlpha, boolean recorded) {
        if (alpha == 1) {
            return g;
        }
        Tensor scalar = Tensor.wrappedNumber(alpha, !floatAlpha);
        return recorded ? mul(g, scalar) : elementwise(g, scalar, BasicOp.MUL);
    }

    /** d(a+alpha·b)/da = 1, d(a+alpha·b)/db = alpha, each summed back over broadcast dimensions. */
    static final class AddBackward0 extends Node implements FreshOrGivenGradients {
        private final InputMeta self;
        private final InputMeta other;
        private final double alpha;
        private final boolean floatAlpha;

        AddBackward0(Tensor a, Tensor b) {
            this(a, b, 1, false);
        }

        AddBackward0(Tensor a, Tensor b, double alpha, boolean floatAlpha) {
            self = InputMeta.of(a);
            other = InputMeta.of(b);
            this.alpha = alpha;
            this.floatAlpha = floatAlpha;
        }

        @Override
        public String name() {
            return "AddBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? self.reduce(g) : null,
                needsInputGrad(1) ? other.reduce(timesAlpha(g, alpha, floatAlpha, false)) : null,
            };
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? self.reduceRecorded(g) : null,
                needsInputGrad(1) ? other.reduceRecorded(timesAlpha(g, alpha, floatAlpha, true)) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", savedAlpha(alpha, floatAlpha));
        }
    }

    /** alpha as torch shows the saved Scalar: an int, or a float. */
    private static Object savedAlpha(double alpha, boolean floatAlpha) {
        return floatAlpha ? (Object) alpha : (Object) (long) alpha;
    }

    // ----- sub

    public static Tensor sub(Tensor a, Tensor b) {
        subCheck(a, b);
        return binary("sub", a, b, BasicOp.SUB, SubBackward0::new);
    }

    /** torch's sub_check: no subtraction with a bool operand, a Python bool included. */
    private static void subCheck(Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw org.gradviz.engine.TorchException.runtime("Subtraction, the `-` operator, with two bool tensors is "
                    + "not supported. Use the `^` or `logical_xor()` operator instead.");
        }
        if (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL) {
            throw org.gradviz.engine.TorchException.runtime("Subtraction, the `-` operator, with a bool tensor is not "
                    + "supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    /** d(a-alpha·b)/da = 1, d(a-alpha·b)/db = -alpha. */
    static final class SubBackward0 extends Node implements FreshOrGivenGradients {
        private final InputMeta self;
        private final InputMeta other;
        private final double alpha;
        private final boolean floatAlpha;

        SubBackward0(Tensor a, Tensor b) {
            this(a, b, 1, false);
        }

        SubBackward0(Tensor a, Tensor b, double alpha, boolean floatAlpha) {
            self = InputMeta.of(a);
            other = InputMeta.of(b);
            this.alpha = alpha;
            this.floatAlpha = floatAlpha;
        }

        @Override
        public String name() {
            return "SubBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? self.reduce(g) : null,
                needsInputGrad(1) ? other.reduce(timesAlpha(Pointwise.negated(g), alpha, floatAlpha, false)) : null,
            };
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? self.reduceRecorded(g) : null,
                needsInputGrad(1) ? other.reduceRecorded(timesAlpha(neg(g), alpha, floatAlpha, true)) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", savedAlpha(alpha, floatAlpha));
        }
    }

    /** {@code number - a} ({@code torch.rsub}); the number is not an input of the graph. */
    public static Tensor rsub(Tensor a, double number) {
        return rsub(a, Tensor.wrappedNumber(number, false));
    }

    /** {@code number - a} with the number a wrapped-number tensor of the Python number's type (bool, int or float). */
    public static Tensor rsub(Tensor a, Tensor number) {
        subCheck(a, number);
        Tensor out = elementwise(number, a, BasicOp.SUB);
        return Autograd.record("rsub", out, () -> new RsubBackward1(a), a);
    }

    /** d(c-a)/da = -1. */
    static final class RsubBackward1 extends Node {
        private final InputMeta self;

        RsubBackward1(Tensor a) {
            self = InputMeta.of(a);
        }

        @Override
        public String name() {
            return "RsubBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {self.reduce(Pointwise.negated(grads[0]))};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {self.reduceRecorded(neg(grads[0]))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", 1L);
        }
    }

    /**
     * {@code a + number} as torch's C++ code calls it ({@code add.Scalar}, e.g. inside pairwise_distance): the same
     * sum as Python's {@code a + number}, recorded as AddBackward1.
     */
    public static Tensor addScalar(Tensor a, double number) {
        Tensor out = elementwise(a, Tensor.wrappedNumber(number, number == Math.rint(number)), BasicOp.ADD);
        return Autograd.record("add", out, () -> new AddBackward1(a), a);
    }

    /** d(a+c)/da = 1. */
    static final class AddBackward1 extends Node {
        private final InputMeta self;

        AddBackward1(Tensor a) {
            self = InputMeta.of(a);
        }

        @Override
        public String name() {
            return "AddBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {self.reduce(grads[0])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {self.reduceRecorded(grads[0])};
        }
    }

    // ----- mul

    public static Tensor mul(Tensor a, Tensor b) {
        return binary("mul", a, b, BasicOp.MUL, MulBackward0::new);
    }

    /** d(a*b)/da = b, d(a*b)/db = a: each side saves only what the other side's gradient needs. */
    static final class MulBackward0 extends Node implements FreshOrGivenGradients {
        private final InputMeta selfMeta;
        private final InputMeta otherMeta;
        private final SavedTensor self;
        private final SavedTensor other;

        MulBackward0(Tensor a, Tensor b) {
            selfMeta = InputMeta.of(a);
            otherMeta = InputMeta.of(b);
            self = b.requiresGrad() ? save(a) : null;
            other = a.requiresGrad() ? save(b) : null;
        }

        @Override
        public String name() {
            return "MulBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[2];
            if (needsInputGrad(0)) {
                out[0] = selfMeta.reduce(elementwise(g, other.unpack(), BasicOp.MUL));
            }
            if (needsInputGrad(1)) {
                out[1] = otherMeta.reduce(elementwise(g, self.unpack(), BasicOp.MUL));
            }
            return out;
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[2];
            if (needsInputGrad(0)) {
                out[0] = selfMeta.reduceRecorded(mul(g, other.unpack()));
            }
            if (needsInputGrad(1)) {
                out[1] = otherMeta.reduceRecorded(mul(g, self.unpack()));
            }
            return out;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("self", self);
        }
    }

    // ----- div

    public static Tensor div(Tensor a, Tensor b) {
        if (!Broadcast.resultType(a, b).isFloatingPoint()) {
            // NOTE: torch's div is true division: integer (and bool) operands are divided as the default float
            return binary("div", trueDivisionOperand(a), trueDivisionOperand(b), BasicOp.DIV, DivBackward0::new);
        }
        return binary("div", a, b, BasicOp.DIV, DivBackward0::new);
    }

    /** An integer operand of div as a float of the default dtype, still a wrapped number when it was one. */
    private static Tensor trueDivisionOperand(Tensor t) {
        if (t.dtype().isFloatingPoint()) {
            return t;
        }
        return t.isWrappedNumber() ? Tensor.wrappedNumber(t.item(), DType.defaultFloat())
                : Tensor.fromData(t.shape(), DType.defaultFloat(), t.data().clone());
    }

    /** div_tensor_other_backward: -grad · ((self / other) / other), each op rounded to the dtype, not summed back. */
    public static Tensor divOtherBackward(Tensor grad, Tensor self, Tensor other) {
        Shape shape = Broadcast.shapes(grad.shape(), Broadcast.shapes(self.shape(), other.shape()));
        DType dt = Broadcast.resultType(grad, self, other);
        double[] r = Broadcast.map(grad, self, other, shape, (gv, av, bv) -> -gv * dt.round(dt.round(av / bv) / bv));
        return Tensor.fromData(shape, dt, r);
    }

    /** d(a/b)/da = 1/b, d(a/b)/db = -a/b². */
    static final class DivBackward0 extends Node {
        private final InputMeta selfMeta;
        private final InputMeta otherMeta;
        private final SavedTensor self;
        private final SavedTensor other;

        DivBackward0(Tensor a, Tensor b) {
            selfMeta = InputMeta.of(a);
            otherMeta = InputMeta.of(b);
            self = b.requiresGrad() ? save(a) : null;
            other = save(b);
        }

        @Override
        public String name() {
            return "DivBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[2];
            Tensor b = other.unpack();
            if (needsInputGrad(0)) {
                out[0] = selfMeta.reduce(elementwise(g, b, BasicOp.DIV));
            }
            if (needsInputGrad(1)) {
                Tensor a = self.unpack();
                out[1] = otherMeta.reduce(divOtherBackward(g, a, b));
            }
            return out;
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[2];
            Tensor b = other.unpack();
            if (needsInputGrad(0)) {
                out[0] = selfMeta.reduceRecorded(div(g, b));
            }
            if (needsInputGrad(1)) {
                // -grad * ((self / other) / other)
                out[1] = otherMeta.reduceRecorded(mul(neg(g), div(div(self.unpack(), b), b)));
            }
            return out;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("self", self);
        }
    }

    // ----- neg

    public static Tensor neg(Tensor a) {
        Tensor out = Pointwise.negated(a);
        return Autograd.record("neg", out, () -> new NegBackward0(), a);
    }

    /** d(-a)/da = -1. */
    static final class NegBackward0 extends Node {
        @Override
        public String name() {
            return "NegBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Pointwise.negated(grads[0])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {neg(grads[0])};
        }
    }

    // ----- by a C++ scalar (mul.Scalar, div.Scalar), as torch's own chain rules call them

    /** {@code t.mul(scalar)} with a C++ scalar, recorded as MulBackward1 (Python's {@code t * 2} is MulBackward0). */
    public static Tensor mulScalar(Tensor a, double scalar) {
        return byScalar("mul", "MulBackward1", a, scalar, BasicOp.MUL, Arithmetic::mul);
    }

    /** {@code t.div(scalar)} with a C++ scalar, recorded as DivBackward1 (Python's {@code t / 2} is DivBackward0). */
    public static Tensor divScalar(Tensor a, double scalar) {
        if (!a.dtype().isFloatingPoint()) {
            return div(a, Tensor.wrappedNumber(scalar, scalar == Math.rint(scalar)));
        }
        return byScalar("div", "DivBackward1", a, scalar, BasicOp.DIV, Arithmetic::div);
    }

    private static Tensor byScalar(String op, String node, Tensor a, double scalar, Broadcast.BinaryFn f,
            java.util.function.BinaryOperator<Tensor> sameOp) {
        Tensor number = Tensor.wrappedNumber(scalar, scalar == Math.rint(scalar));
        Tensor out = elementwise(a, number, f);
        return Autograd.record(op, out, () -> new ScalarBackward(node, scalar, sameOp), new Tensor[] {a},
                new Tensor[] {a, number});
    }

    /**
     * d(a·s)/da = s, d(a/s)/da = 1/s: the gradient times (over) the scalar, which torch's C++ operators wrap as a
     * tensor, so a second derivative goes through MulBackward0 (DivBackward0).
     */
    static final class ScalarBackward extends Node {
        private final String name;
        private final double other;
        private final java.util.function.BinaryOperator<Tensor> sameOp;

        ScalarBackward(String name, double other, java.util.function.BinaryOperator<Tensor> sameOp) {
            this.name = name;
            this.other = other;
            this.sameOp = sameOp;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {sameOp.apply(grads[0], Tensor.wrappedNumber(other, other == Math.rint(other)))};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", numberValue(other));
        }
    }

    // ----- pow

    /** {@code a ** exponent} for a Python number exponent. */
    public static Tensor pow(Tensor a, double exponent) {
        return pow(a, exponent, false);
    }

    /**
     * {@code a ** exponent} for a Python number exponent, an int one ({@code integral}) keeping an integer tensor's type
     * (int32 ** 2 is int32), a float one making it the default float.
     */
    public static Tensor pow(Tensor a, double exponent, boolean integral) {
        DType dtype = Broadcast.resultType(a, Tensor.wrappedNumber(exponent, integral));
        double[] x = a.data();
        double[] r;
        if (dtype.isFloatingPoint()) {
            r = TorchPowKernels.pow(x, exponent, dtype == DType.FLOAT32);
        } else {
            if (exponent < 0) {
                throw org.gradviz.engine.TorchException.runtime("Integers to negative integer powers are not allowed.");
            }
            r = new double[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = integerPower((long) x[i], (long) exponent, dtype);
            }
        }
        Tensor out = Tensor.fromData(a.shape(), dtype, r);
        return Autograd.record("pow", out, () -> new PowBackward0(a, exponent), a);
    }

    /** base^exponent by repeated squaring, wrapping as the type's C++ integer does (int32 in 32 bits). */
    private static double integerPower(long base, long exponent, DType dtype) {
        long result = 1;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = dtype == DType.INT32 ? (int) (result * base) : result * base;
            }
            base = dtype == DType.INT32 ? (int) (base * base) : base * base;
            exponent >>= 1;
        }
        return result;
    }

    /**
     * pow_backward: grad · (exponent · self^(exponent - 1)), each product rounded to the dtype as torch's ops do (the
     * caller handles exponent 0). Recorded under grad mode.
     */
    public static Tensor powBackward(Tensor grad, Tensor self, double exponent) {
        return mul(grad, mulScalar(pow(self, exponent - 1), exponent));
    }

    /** d(a^n)/da = n·a^(n-1) (and 0 where n = 0). */
    static final class PowBackward0 extends Node {
        private final SavedTensor self;
        private final double exponent;

        PowBackward0(Tensor a, double exponent) {
            this.self = save(a);
            this.exponent = exponent;
        }

        @Override
        public String name() {
            return "PowBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            if (exponent == 0) {
                return new Tensor[] {Tensor.fromData(a.shape(), a.dtype(), new double[a.numel()])};
            }
            return new Tensor[] {powBackward(grads[0], a, exponent)};
        }

        /** The same ops, recorded: {@link #apply} is already written with them. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("exponent", numberValue(exponent));
            out.put("self", self);
        }
    }

    /** {@code a ** b} for tensors (also {@code number ** t}, with the number made a 0-d tensor). */
    public static Tensor pow(Tensor a, Tensor b) {
        Tensor out = powValues(a, b);
        return Autograd.record("pow", out, () -> new PowBackward1(a, b, out), a, b);
    }

    /**
     * {@code torch.pow(number, t)}, torch's {@code pow(Scalar self, Tensor exponent)}: the values of
     * {@code number ** t}, with the number kept as a number (PowBackward2, whose only input is the exponent).
     */
    public static Tensor pow(double base, boolean integral, Tensor exponent) {
        Tensor out = powValues(Tensor.wrappedNumber(base, integral), exponent);
        return Autograd.record("pow", out, () -> new PowBackward2(base, integral, exponent, out), exponent);
    }

    private static Tensor powValues(Tensor a, Tensor b) {
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        DType dtype = Broadcast.resultType(a, b);
        return dtype.isFloatingPoint()
                ? Tensor.fromData(shape, dtype, TorchPowKernels.pow(dtype.roundAll(Broadcast.expand(a, shape)),
                        dtype.roundAll(Broadcast.expand(b, shape)), dtype == DType.FLOAT32,
                        Broadcast.innerRun(shape, a.shape(), b.shape())))
                : elementwise(a, b, Math::pow);
    }

    /** pow_backward_self: where(exponent == 0, 0, grad · (exponent · self^(exponent - 1))), not yet summed back. */
    public static Tensor powSelfBackward(Tensor grad, Tensor self, Tensor exponent) {
        Tensor slope = mul(exponent, pow(self, sub(exponent, Tensor.wrappedNumber(1, true))));
        Tensor zeroExponent = Comparison.compare(exponent, Tensor.wrappedNumber(0, false), Comparison.Kind.EQ);
        return Where.where(zeroExponent, Where.zero(grad.dtype()), mul(grad, slope));
    }

    /**
     * pow_backward_exponent: grad · where(self == 0 and exponent ≥ 0, 0, result · ln(self)), not yet summed back.
     */
    public static Tensor powExponentBackward(Tensor grad, Tensor self, Tensor exponent, Tensor result) {
        Tensor zeroBase = Comparison.compare(self, Tensor.wrappedNumber(0, false), Comparison.Kind.EQ);
        Tensor nonNegative = Comparison.compare(exponent, Tensor.wrappedNumber(0, false), Comparison.Kind.GE);
        Tensor both = Comparison.compare(mul(zeroBase, nonNegative), Tensor.wrappedNumber(1, true),
                Comparison.Kind.EQ);
        return mul(grad, Where.where(both, Where.zero(grad.dtype()), mul(result, Pointwise.log(self))));
    }

    /** d(a^b)/da = b·a^(b-1) (0 where b = 0); d(a^b)/db = a^b·ln a (0 where a = 0 and b ≥ 0). */
    static final class PowBackward1 extends Node {
        private final InputMeta selfMeta;
        private final InputMeta exponentMeta;
        private final SavedTensor self;
        private final SavedTensor exponent;
        private final SavedTensor result;

        PowBackward1(Tensor a, Tensor b, Tensor out) {
            selfMeta = InputMeta.of(a);
            exponentMeta = InputMeta.of(b);
            self = save(a);
            exponent = save(b);
            result = saveOutput(out);
        }

        @Override
        public String name() {
            return "PowBackward1";
        }

        /**
         * pow_backward_self: where(exponent == 0, 0, grad · (exponent · self^(exponent - 1)));
         * pow_backward_exponent: grad · where(self == 0 and exponent ≥ 0, 0, result · log(self)); each summed back
         * over broadcast dimensions.
         */
        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor a = self.unpack();
            Tensor b = exponent.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? selfMeta.reduceRecorded(powSelfBackward(g, a, b)) : null,
                needsInputGrad(1) ? exponentMeta.reduceRecorded(powExponentBackward(g, a, b, result.unpack())) : null,
            };
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("exponent", exponent);
            out.put("result", result);
            out.put("self", self);
        }
    }

    /**
     * d(c^b)/db = c^b·ln c for a number c: torch's pow_backward_exponent with a Scalar base, grad · (result · ln c),
     * where ln c is the number's (in double, then a wrapped number); 0 where c = 0 and b ≥ 0.
     */
    static final class PowBackward2 extends Node {
        private final double base;
        private final boolean integral;
        private final InputMeta exponentMeta;
        private final SavedTensor exponent;
        private final SavedTensor result;

        PowBackward2(double base, boolean integral, Tensor b, Tensor out) {
            this.base = base;
            this.integral = integral;
            exponentMeta = InputMeta.of(b);
            exponent = save(b);
            result = saveOutput(out);
        }

        @Override
        public String name() {
            return "PowBackward2";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor slope = mul(result.unpack(), Tensor.wrappedNumber(GlibcLog.log(base), false)); // Scalar::log
            if (base == 0) {
                Tensor nonNegative = Comparison.compare(exponent.unpack(), Tensor.wrappedNumber(0, false),
                        Comparison.Kind.GE);
                slope = Where.where(nonNegative, Where.zero(g.dtype()), slope);
            }
            return new Tensor[] {needsInputGrad(0) ? exponentMeta.reduceRecorded(mul(g, slope)) : null};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("result", result);
            out.put("self", integral ? (Object) (long) base : (Object) base);
        }
    }

    /** A saved Python number as PyTorch shows it: whole numbers as integers. */
    static Object numberValue(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}
