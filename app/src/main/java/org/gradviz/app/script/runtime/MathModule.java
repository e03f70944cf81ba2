package org.gradviz.app.script.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcAtan;
import org.gradviz.engine.kernels.GlibcErf;
import org.gradviz.engine.kernels.GlibcHyperbolic;
import org.gradviz.engine.kernels.GlibcLog;
import org.gradviz.engine.kernels.GlibcMath;
import org.gradviz.engine.kernels.GlibcPow;
import org.gradviz.engine.kernels.GlibcSinCos;

/**
 * The members of Python's {@code math} module teaching code uses, with CPython 3.11's results, argument checks and
 * messages. The functions CPython takes from libm are the engine's ports of this machine's glibc 2.36 (bit for bit)
 * where one exists; {@code atan2}, {@code asin} and {@code acos} use Java's {@code StrictMath} and may differ from
 * CPython in the last bit.
 */
final class MathModule {
    private static final double RAD_TO_DEG = 180.0 / Math.PI;
    private static final double DEG_TO_RAD = Math.PI / 180.0;

    private MathModule() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pi", Math.PI);
        m.put("e", Math.E);
        m.put("tau", 2 * Math.PI);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("nan", Double.NaN);
        // CPython's math_1: can the function overflow (OverflowError) or is an infinity a domain error
        libm(m, "exp", GlibcMath::exp, true);
        libm(m, "expm1", GlibcHyperbolic::expm1, true);
        libm(m, "sin", GlibcSinCos::sin, false);
        libm(m, "cos", GlibcSinCos::cos, false);
        libm(m, "tanh", GlibcHyperbolic::tanh, false);
        libm(m, "sinh", GlibcHyperbolic::sinh, true);
        libm(m, "cosh", GlibcHyperbolic::cosh, true);
        libm(m, "erf", GlibcErf::erf, false);
        libm(m, "log1p", GlibcLog::log1p, false);
        libm(m, "atan", GlibcAtan::atan, false);
        libm(m, "asin", StrictMath::asin, false); // NOTE: not glibc's, last bit may differ
        libm(m, "acos", StrictMath::acos, false); // NOTE: not glibc's, last bit may differ
        libm(m, "sqrt", Math::sqrt, false);
        libm(m, "fabs", Math::abs, false);
        one(m, "degrees", x -> real(x) * RAD_TO_DEG);
        one(m, "radians", x -> real(x) * DEG_TO_RAD);
        one(m, "isnan", x -> Double.isNaN(real(x)));
        one(m, "isinf", x -> Double.isInfinite(real(x)));
        one(m, "isfinite", x -> Double.isFinite(real(x)));
        one(m, "floor", x -> toInt(x, Math::floor));
        one(m, "ceil", x -> toInt(x, Math::ceil));
        one(m, "factorial", MathModule::factorial);
        one(m, "fsum", x -> MathSums.fsum(Iteration.items(x)));
        m.put("log", new Builtin("log", MathModule::log));
        one(m, "log2", x -> logOf(x, GlibcLog::log2));
        one(m, "log10", x -> logOf(x, GlibcLog::log10));
        two(m, "pow", (x, y) -> pow(real(x), real(y)));
        two(m, "atan2", (y, x) -> StrictMath.atan2(real(y), real(x))); // NOTE: not glibc's, last bit may differ
        m.put("hypot", new Builtin("hypot", a -> {
            noKeywords(a, "math.hypot()");
            double[] coordinates = new double[a.size()];
            for (int i = 0; i < coordinates.length; i++) {
                coordinates[i] = real(a.positional().get(i));
            }
            return MathSums.hypot(coordinates);
        }));
        m.put("prod", new Builtin("prod", MathModule::prod));
        m.put("isclose", new Builtin("isclose", MathModule::isclose));
        return m;
    }

    /** A float of a Python number, as CPython's {@code PyFloat_AsDouble}, with its TypeError. */
    static double real(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (Values.isInteger(v)) {
            return Ints.toDouble(v);
        }
        if (v instanceof Tensor t) {
            if (t.numel() != 1) {
                throw PyError.value("only one element tensors can be converted to Python scalars");
            }
            return t.item();
        }
        throw PyError.type("must be real number, not " + Values.typeName(v));
    }

    /**
     * A function of one float from libm, as CPython's {@code math_1}: a NaN from a number is "math domain error"; an
     * infinity from a finite number is "math range error" (OverflowError) when {@code canOverflow}, else a domain
     * error.
     */
    private static void libm(Map<String, Object> m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        one(m, name, v -> {
            double x = real(v);
            double r = f.applyAsDouble(x);
            if (Double.isNaN(r) && !Double.isNaN(x)) {
                throw PyError.value("math domain error");
            }
            if (Double.isInfinite(r) && Double.isFinite(x)) {
                throw canOverflow ? new PyError("OverflowError", "math range error")
                        : PyError.value("math domain error");
            }
            return r;
        });
    }

    /** A function of exactly one positional argument (CPython's METH_O), with its TypeErrors. */
    private static void one(Map<String, Object> m, String name, java.util.function.Function<Object, Object> f) {
        m.put(name, new Builtin(name, a -> {
            noKeywords(a, "math." + name + "()");
            if (a.size() != 1) {
                throw PyError.type("math." + name + "() takes exactly one argument (" + a.size() + " given)");
            }
            return f.apply(a.positional().get(0));
        }));
    }

    /** A function of exactly two positional arguments (CPython's fastcall check). */
    private static void two(Map<String, Object> m, String name, java.util.function.BinaryOperator<Object> f) {
        m.put(name, new Builtin(name, a -> {
            noKeywords(a, "math." + name + "()");
            if (a.size() != 2) {
                throw PyError.type(name + " expected 2 arguments, got " + a.size());
            }
            return f.apply(a.positional().get(0), a.positional().get(1));
        }));
    }

    private static void noKeywords(Args a, String function) {
        if (!a.keywords().isEmpty()) {
            throw PyError.type(function + " takes no keyword arguments");
        }
    }

    /** floor and ceil: an int as it is, a float rounded to an int (however large). */
    private static Object toInt(Object v, DoubleUnaryOperator round) {
        if (Values.isInteger(v)) {
            return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
        }
        double x = real(v);
        if (Double.isNaN(x)) {
            throw PyError.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw new PyError("OverflowError", "cannot convert float infinity to integer");
        }
        return Ints.fromDouble(round.applyAsDouble(x));
    }

    private static Object factorial(Object v) {
        if (v instanceof Tensor t) { // Tensor.__index__
            if (t.numel() != 1 || t.dtype().isFloatingPoint()) {
                throw PyError.type("only integer tensors of a single element can be converted to an index");
            }
            v = (long) t.item();
        }
        if (!Values.isInteger(v)) {
            throw PyError.type("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
        }
        if (v instanceof BigInteger b) {
            throw b.signum() < 0 ? PyError.value("factorial() not defined for negative values")
                    : new PyError("OverflowError", "factorial() argument should not exceed " + Long.MAX_VALUE);
        }
        long n = Values.toLong(v);
        if (n < 0) {
            throw PyError.value("factorial() not defined for negative values");
        }
        BigInteger product = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            product = product.multiply(BigInteger.valueOf(i));
        }
        return Ints.of(product);
    }

    /** prod(iterable, /, *, start=1): start * x0 * x1 * ..., with Python's {@code *} (so ints stay exact). */
    private static Object prod(Args a) {
        for (String k : a.keywords().keySet()) {
            if (!k.equals("start")) {
                throw PyError.type("'" + k + "' is an invalid keyword argument for prod()");
            }
        }
        if (a.size() != 1) {
            throw PyError.type("prod() takes exactly 1 positional argument (" + a.size() + " given)");
        }
        Object total = a.keywords().getOrDefault("start", 1L);
        for (Object x : Iteration.items(a.positional().get(0))) {
            total = Operators.binary(BinaryOp.MUL, total, x);
        }
        return total;
    }

    /** isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0), as CPython's math_isclose_impl. */
    private static Object isclose(Args a) {
        for (String k : a.keywords().keySet()) {
            if (!List.of("a", "b", "rel_tol", "abs_tol").contains(k)) {
                throw PyError.type("'" + k + "' is an invalid keyword argument for isclose()");
            }
        }
        if (a.size() > 2) {
            throw PyError.type("isclose() takes exactly 2 positional arguments (" + a.size() + " given)");
        }
        String[] names = {"a", "b"};
        for (int i = 0; i < 2; i++) {
            if (!a.has(i, names[i])) {
                throw PyError.type("isclose() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        double x = real(a.get(0, "a"));
        double y = real(a.get(1, "b"));
        double rel = real(a.get(-1, "rel_tol", 1e-9));
        double abs = real(a.get(-1, "abs_tol", 0.0));
        if (rel < 0.0 || abs < 0.0) {
            throw PyError.value("tolerances must be non-negative");
        }
        if (x == y) {
            return true;
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return false;
        }
        double diff = Math.abs(y - x);
        return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
    }

    /** math.log(x[, base]) = log(x) / log(base), each as CPython's loghelper. */
    private static Object log(Args a) {
        noKeywords(a, "log()");
        if (a.size() < 1 || a.size() > 2) {
            throw PyError.type("math.log requires 1 to 2 arguments");
        }
        double num = logOf(a.positional().get(0), GlibcLog::log);
        if (a.size() == 1) {
            return num;
        }
        double den = logOf(a.positional().get(1), GlibcLog::log);
        if (den == 0) {
            throw PyError.zeroDivision("float division by zero");
        }
        return num / den;
    }

    /**
     * CPython's loghelper: an int must be positive, and one beyond the floats is m·2^e with m in [0.5, 1), its log
     * log(m) + log(2)·e; a float's log of 0 or a negative number is a domain error.
     */
    private static double logOf(Object v, DoubleUnaryOperator log) {
        if (Values.isInteger(v)) {
            BigInteger n = Ints.big(v);
            if (n.signum() <= 0) {
                throw PyError.value("math domain error");
            }
            double x = n.doubleValue();
            if (Double.isFinite(x)) {
                return log.applyAsDouble(x);
            }
            int e = n.bitLength();
            double mantissa = new BigDecimal(n).divide(new BigDecimal(BigInteger.ONE.shiftLeft(e))).doubleValue();
            if (mantissa == 1.0) { // rounded up: 0.5·2^(e + 1)
                mantissa = 0.5;
                e++;
            }
            return log.applyAsDouble(mantissa) + log.applyAsDouble(2.0) * e;
        }
        double x = real(v);
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x <= 0) {
            throw PyError.value("math domain error");
        }
        return log.applyAsDouble(x);
    }

    /** CPython's math_pow: IEEE special cases decided first, libm's pow for finite numbers. */
    static double pow(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (Double.isNaN(x)) {
                return y == 0 ? 1.0 : x;
            }
            if (Double.isNaN(y)) {
                return x == 1.0 ? 1.0 : y;
            }
            if (Double.isInfinite(x)) {
                boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
                if (y > 0) {
                    return oddY ? x : Math.abs(x);
                }
                return y == 0 ? 1.0 : oddY ? Math.copySign(0.0, x) : 0.0;
            }
            if (Math.abs(x) == 1.0) { // y infinite
                return 1.0;
            }
            if (y > 0 && Math.abs(x) > 1.0 || y < 0 && Math.abs(x) < 1.0) {
                return Double.POSITIVE_INFINITY;
            }
            return 0.0;
        }
        double r = GlibcPow.pow(x, y);
        if (Double.isNaN(r) || Double.isInfinite(r) && x == 0.0) {
            throw PyError.value("math domain error");
        }
        if (Double.isInfinite(r)) {
            throw new PyError("OverflowError", "math range error");
        }
        return r;
    }
}
