package org.gradviz.engine.ops;

import java.util.function.DoubleUnaryOperator;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code floor}, {@code ceil}, {@code round} (half to even, or to {@code decimals} places), {@code trunc}, {@code frac}
 * and {@code nan_to_num}, each with its backward: the steps have zero slope (FloorBackward0 ... give zeros), frac
 * passes the gradient through, nan_to_num only where the input was finite. An integer tensor rounds to a copy of itself
 * (frac and round with decimals refuse it, as torch's kernels do).
 */
public final class Rounding {
    private Rounding() {
    }

    /** The rounding functions without decimals: name, torch's kernel name, the function. */
    public enum Step {
        FLOOR("floor", "FloorBackward0", Math::floor),
        CEIL("ceil", "CeilBackward0", Math::ceil),
        ROUND("round", "RoundBackward0", Math::rint),
        TRUNC("trunc", "TruncBackward0", x -> x < 0 ? Math.ceil(x) : Math.floor(x));

        private final String op;
        private final String node;
        private final DoubleUnaryOperator f;

        Step(String op, String node, DoubleUnaryOperator f) {
            this.op = op;
            this.node = node;
            this.f = f;
        }

        public String op() {
            return op;
        }
    }

    /** {@code torch.floor(a)}, {@code ceil}, {@code round}, {@code trunc}. */
    public static Tensor step(Tensor a, Step step) {
        if (a.dtype() == DType.BOOL) {
            throw notImplemented(step.op + "_vml_cpu", a.dtype());
        }
        if (!a.dtype().isFloatingPoint()) {
            return Autograd.record(step.op, Tensor.fromData(a.shape(), a.dtype(), a.data().clone()), null, a);
        }
        Tensor out = Pointwise.map(a, step.f, false);
        return Autograd.record(step.op, out, () -> new ZeroSlope(step.node, a.shape(), a.dtype()), a);
    }

    /**
     * {@code torch.round(a, decimals=d)} (RoundBackward1): torch's kernel in the tensor's dtype,
     * {@code nearbyint(a * 10^d) / 10^d}, or {@code nearbyint(a / 10^-d) * 10^-d} for negative d.
     */
    public static Tensor round(Tensor a, long decimals) {
        if (!a.dtype().isFloatingPoint()) {
            throw notImplemented("round_cpu", a.dtype());
        }
        DType dt = a.dtype();
        boolean negative = decimals < 0;
        double tenPow = dt.round(Math.pow(10, Math.abs((double) decimals)));
        Tensor out = Pointwise.map(a, x -> negative ? dt.round(Math.rint(dt.round(x / tenPow)) * tenPow)
                : dt.round(Math.rint(dt.round(x * tenPow)) / tenPow), false);
        return Autograd.record("round", out, () -> new ZeroSlope("RoundBackward1", a.shape(), a.dtype()), a);
    }

    /** {@code torch.frac(a)}: {@code a - trunc(a)} (FracBackward0); inf gives NaN. */
    public static Tensor frac(Tensor a) {
        if (!a.dtype().isFloatingPoint()) {
            throw notImplemented("frac_cpu", a.dtype());
        }
        Tensor out = Pointwise.map(a, x -> x - (x < 0 ? Math.ceil(x) : Math.floor(x)), false);
        return Autograd.record("frac", out, () -> new PassThroughBackward("FracBackward0"), a);
    }

    /**
     * {@code torch.nan_to_num(a, nan, posinf, neginf)} (NanToNumBackward0); a null posinf/neginf is the dtype's
     * largest/lowest finite value. The replacements are rounded to the dtype as torch casts them.
     */
    public static Tensor nanToNum(Tensor a, double nan, Double posinf, Double neginf) {
        if (!a.dtype().isFloatingPoint()) {
            return Autograd.record("nan_to_num", Tensor.fromData(a.shape(), a.dtype(), a.data().clone()), null, a);
        }
        DType dt = a.dtype();
        double max = dt == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        double n = dt.round(nan);
        double p = posinf == null ? max : dt.round(posinf);
        double m = neginf == null ? -max : dt.round(neginf);
        Tensor out = Pointwise.map(a, x -> Double.isNaN(x) ? n : x == Double.POSITIVE_INFINITY ? p
                : x == Double.NEGATIVE_INFINITY ? m : x, false);
        return Autograd.record("nan_to_num", out, () -> new NanToNumBackward0(a), a);
    }

    private static TorchException notImplemented(String kernel, DType dtype) {
        String type = dtype.scalarTypeName();
        return TorchException.runtime("\"" + kernel + "\" not implemented for '" + type + "'");
    }

    /** d floor(a)/da = 0 (and ceil, round, trunc): zeros of the input's shape. */
    static final class ZeroSlope extends Node {
        private final String name;
        private final Shape shape;
        private final DType dtype;

        ZeroSlope(String name, Shape shape, DType dtype) {
            this.name = name;
            this.shape = shape;
            this.dtype = dtype;
        }

        @Override
        public String name() {
            return name;
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


    /** d nan_to_num(a)/da = 1 where a is finite, else 0: {@code grad * isfinite(self)}. */
    static final class NanToNumBackward0 extends Node {
        private final SavedTensor self;

        NanToNumBackward0(Tensor a) {
            self = save(a);
        }

        @Override
        public String name() {
            return "NanToNumBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            double[] x = self.unpack().data();
            double[] g = grads[0].data();
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) {
                // NOTE: a product, so a negative gradient at an infinity gives -0.0 and a NaN gradient stays NaN
                r[i] = g[i] * (Double.isFinite(x[i]) ? 1 : 0);
            }
            return new Tensor[] {Tensor.fromData(grads[0].shape(), grads[0].dtype(), r)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Arithmetic.mul(grads[0], Logical.isfinite(self.unpack()))};
        }

        @Override
        protected void collectSaved(java.util.Map<String, Object> out) {
            out.put("self", self);
        }
    }
}
