package org.gradviz.engine.ops;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.LaneMath;

/**
 * rsqrt, log1p, expm1 and sign, each followed by its backward node. log1p and expm1 go through torch's
 * {@code at::vml} loop, where every element is a vector lane ({@link LaneMath}: SLEEF on AVX2, glibc on default).
 */
public final class UnaryFunctions {
    private UnaryFunctions() {
    }

    /** {@code f32} on float32 data, {@code f64} on the rest (integer inputs give the default float type). */
    static Tensor floating(Tensor a, FloatOp f32, DoubleUnaryOperator f64) {
        DType dtype = a.dtype().isFloatingPoint() ? a.dtype() : DType.defaultFloat();
        if (dtype == DType.FLOAT32) {
            float[] x = a.floats();
            float[] r = new float[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = f32.apply(x[i]);
            }
            return Tensor.fromFloats(a.shape(), r);
        }
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f64.applyAsDouble(x[i]);
        }
        return Tensor.fromData(a.shape(), dtype, r);
    }

    @FunctionalInterface
    interface FloatOp {
        float apply(float x);
    }

    // ----- rsqrt

    /** 1 / √a, the square root rounded first (AVX2's div of sqrt, and the scalar 1 / std::sqrt alike). */
    public static Tensor rsqrt(Tensor a) {
        Tensor out = floating(a, x -> 1f / (float) Math.sqrt(x), x -> 1d / Math.sqrt(x));
        return Autograd.record("rsqrt", out, () -> new RsqrtBackward0(out), a);
    }

    /** d(a^-½)/da = -½·a^-3/2: torch computes {@code -0.5 * grad * result.pow(3)}. */
    static final class RsqrtBackward0 extends Node {
        private final SavedTensor result;

        RsqrtBackward0(Tensor out) {
            this.result = saveOutput(out);
        }

        @Override
        public String name() {
            return "RsqrtBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor r = result.unpack();
            DType dt = r.dtype();
            // pow(3) is (r·r)·r, as torch's pow kernel computes a cube
            Tensor cube = Arithmetic.elementwise(r, r, (x, y) -> dt.round(dt.round(x * x) * x));
            Tensor scaled = Arithmetic.elementwise(grads[0], Tensor.wrappedNumber(-0.5, false),
                    (g, c) -> g * c);
            return new Tensor[] {Arithmetic.elementwise(scaled, cube, (s, c) -> s * c)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("result", result);
        }
    }

    // ----- log1p, expm1

    /** ln(1 + a). */
    public static Tensor log1p(Tensor a) {
        Tensor out = floating(a, x -> LaneMath.log1p(x, true), x -> LaneMath.log1p(x, true));
        return Autograd.record("log1p", out, () -> new Log1PBackward0(a), a);
    }

    /** d ln(1 + a)/da = 1 / (a + 1): torch's log1p_backward is {@code grad / (self + 1)}. */
    static final class Log1PBackward0 extends Node {
        private final SavedTensor self;

        Log1PBackward0(Tensor a) {
            this.self = save(a);
        }

        @Override
        public String name() {
            return "Log1PBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            DType dt = grads[0].dtype();
            return new Tensor[] {Arithmetic.elementwise(grads[0], x, (g, v) -> g / dt.round(v + 1))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
        }
    }

    /** e^a - 1. */
    public static Tensor expm1(Tensor a) {
        Tensor out = floating(a, x -> LaneMath.expm1(x, true), x -> LaneMath.expm1(x, true));
        return Autograd.record("expm1", out, () -> new Expm1Backward0(out), a);
    }

    /** d(e^a - 1)/da = e^a: torch computes {@code grad * (result + 1)}. */
    static final class Expm1Backward0 extends Node {
        private final SavedTensor result;

        Expm1Backward0(Tensor out) {
            this.result = saveOutput(out);
        }

        @Override
        public String name() {
            return "Expm1Backward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            DType dt = grads[0].dtype();
            return new Tensor[] {Arithmetic.elementwise(grads[0], result.unpack(), (g, r) -> g * dt.round(r + 1))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("result", result);
        }
    }

    // ----- sign

    /** -1, 0 or 1 in a's dtype; 0 for NaN, as torch's (0 < a) - (a < 0). */
    public static Tensor sign(Tensor a) {
        Tensor out = a.dtype() == DType.BOOL
                ? Tensor.fromData(a.shape(), a.dtype(), a.data().clone())
                : Pointwise.map(a, Pointwise::sign, false);
        return Autograd.record("sign", out, () -> new SignBackward0(a.shape(), a.dtype()), a);
    }

    /** d sign(a)/da = 0. */
    static final class SignBackward0 extends Node {
        private final Shape shape;
        private final DType dtype;

        SignBackward0(Shape shape, DType dtype) {
            this.shape = shape;
            this.dtype = dtype;
        }

        @Override
        public String name() {
            return "SignBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Tensor.fromData(shape, dtype, new double[shape.numel()])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }
    }
}
