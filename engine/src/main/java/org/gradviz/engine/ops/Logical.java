package org.gradviz.engine.ops;

import java.util.function.DoublePredicate;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * The functions with bool results ({@code isnan}, {@code isinf}, {@code isfinite}, {@code logical_and/or/xor/not}),
 * which never record, and {@code floor_divide} ({@code //}), which has no derivative in torch.
 */
public final class Logical {
    private Logical() {
    }

    private static Tensor test(String op, Tensor a, DoublePredicate p) {
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = p.test(x[i]) ? 1 : 0;
        }
        return Autograd.record(op, Tensor.fromData(a.shape(), DType.BOOL, r), null, a);
    }

    public static Tensor isnan(Tensor a) {
        return test("isnan", a, Double::isNaN);
    }

    public static Tensor isinf(Tensor a) {
        return test("isinf", a, Double::isInfinite);
    }

    public static Tensor isfinite(Tensor a) {
        return test("isfinite", a, Double::isFinite);
    }

    public static Tensor logicalNot(Tensor a) {
        return test("logical_not", a, v -> v == 0);
    }

    /** The boolean connectives of two tensors (non-zero is true), broadcast. */
    public enum Connective {
        AND, OR, XOR;

        boolean test(boolean x, boolean y) {
            return switch (this) {
                case AND -> x && y;
                case OR -> x || y;
                case XOR -> x ^ y;
            };
        }
    }

    public static Tensor logical(Tensor a, Tensor b, Connective c) {
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        double[] x = Broadcast.expand(a, shape);
        double[] y = Broadcast.expand(b, shape);
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.test(x[i] != 0, y[i] != 0) ? 1 : 0;
        }
        String op = "logical_" + c.name().toLowerCase(java.util.Locale.ROOT);
        return Autograd.record(op, Tensor.fromData(shape, DType.BOOL, r), null, a, b);
    }

    // ----- floor_divide

    /**
     * {@code a // b}: the quotient rounded towards -∞, as torch's div_floor (Python's rule for integers, whose
     * division by zero is torch's ZeroDivisionError; for floats {@code c10::div_floor_floating}).
     */
    public static Tensor floorDivide(Tensor a, Tensor b) {
        DType dtype = Broadcast.resultType(a, b);
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        double[] x = dtype.roundAll(Broadcast.expand(a, shape));
        double[] y = dtype.roundAll(Broadcast.expand(b, shape));
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            if (dtype.isFloatingPoint()) {
                r[i] = dtype == DType.FLOAT32 ? floorFloat((float) x[i], (float) y[i]) : floorDouble(x[i], y[i]);
            } else if (dtype == DType.BOOL) {
                throw TorchException.runtime("\"div_floor_cpu\" not implemented for 'Bool'");
            } else {
                if (y[i] == 0) {
                    throw TorchException.runtime("ZeroDivisionError");
                }
                r[i] = Math.floorDiv((long) x[i], (long) y[i]);
            }
        }
        return Autograd.record("floor_divide", Tensor.fromData(shape, dtype, r), null, a, b);
    }

    /** c10::div_floor_floating in double. */
    static double floorDouble(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1;
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0, a / b);
        }
        return floordiv;
    }

    /** c10::div_floor_floating in float, each step rounded to float. */
    static float floorFloat(float a, float b) {
        if (b == 0) {
            return a / b;
        }
        float mod = a % b;
        float div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1;
        }
        float floordiv;
        if (div != 0) {
            floordiv = (float) Math.floor(div);
            if (div - floordiv > 0.5f) {
                floordiv += 1.0f;
            }
        } else {
            floordiv = Math.copySign(0f, a / b);
        }
        return floordiv;
    }
}
