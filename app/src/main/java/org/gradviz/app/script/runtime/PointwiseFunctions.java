package org.gradviz.app.script.runtime;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Bitwise;
import org.gradviz.engine.ops.Bounds;
import org.gradviz.engine.ops.Conversion;
import org.gradviz.engine.ops.Logical;
import org.gradviz.engine.ops.UnaryFunctions;
import org.gradviz.engine.ops.Where;

/**
 * The element-wise functions that are both {@code torch.f(t, ...)} and {@code t.f(...)} and no document op:
 * {@code where}, {@code masked_fill}, {@code maximum}/{@code minimum}, {@code clamp_min}/{@code clamp_max},
 * {@code square}, {@code rsqrt}, {@code sign}, {@code log1p}, {@code expm1}, {@code log10}, {@code log2}, {@code isnan}/{@code isinf}/
 * {@code isfinite}, {@code logical_and/or/xor/not}, {@code bitwise_and/or/xor/not/left_shift/right_shift} and
 * {@code floor_divide}.
 */
final class PointwiseFunctions {
    private PointwiseFunctions() {
    }

    static void addShared(Map<String, PyCallable> m) {
        // NOTE: torch.square is pow(t, 2), whose integer exponent keeps an integer tensor's dtype
        unary(m, "square", t -> t.dtype().isFloatingPoint() ? Arithmetic.pow(t, 2.0) : Arithmetic.mul(t, t));
        unary(m, "rsqrt", UnaryFunctions::rsqrt);
        unary(m, "sign", UnaryFunctions::sign);
        unary(m, "log1p", UnaryFunctions::log1p);
        unary(m, "expm1", UnaryFunctions::expm1);
        unary(m, "log10", org.gradviz.engine.ops.Logarithms::log10);
        byTensorOrNumber(m, "remainder", org.gradviz.engine.ops.Remainder::remainder);
        PyCallable remainder = m.get("remainder");
        // NOTE: torch.remainder(number, tensor) is its Scalar_Tensor overload, which has no derivative
        m.put("remainder", a -> a.size() == 2 && Values.isNumber(a.get(0, "input")) && a.get(1, "other") instanceof Tensor t
                ? org.gradviz.engine.Autograd.quietly(() -> org.gradviz.engine.ops.Remainder.remainder(
                        TensorArithmetic.wrap(a.get(0, "input")), t))
                : remainder.call(a));
        byTensorOrNumber(m, "fmod", org.gradviz.engine.ops.Remainder::fmod);
        unary(m, "log2", org.gradviz.engine.ops.Logarithms::log2);
        unary(m, "isnan", Logical::isnan);
        unary(m, "isinf", Logical::isinf);
        unary(m, "isfinite", Logical::isfinite);
        unary(m, "logical_not", Logical::logicalNot);
        binary(m, "logical_and", (a, b) -> Logical.logical(a, b, Logical.Connective.AND));
        binary(m, "logical_or", (a, b) -> Logical.logical(a, b, Logical.Connective.OR));
        binary(m, "logical_xor", (a, b) -> Logical.logical(a, b, Logical.Connective.XOR));
        unary(m, "bitwise_not", Bitwise::not);
        for (Bitwise.Op op : Bitwise.Op.values()) {
            byTensorOrNumber(m, "bitwise_" + op.name().toLowerCase(java.util.Locale.ROOT),
                    (a, b) -> Bitwise.apply(op, a, b));
        }
        binary(m, "maximum", Bounds::maximum);
        binary(m, "minimum", Bounds::minimum);
        m.put("clamp_min", a -> Bounds.clampMin(bounded(a.accept(2, "input", "min"), "min"), a.number(1, "min")));
        m.put("clamp_max", a -> Bounds.clampMax(bounded(a.accept(2, "input", "max"), "max"), a.number(1, "max")));
        m.put("floor_divide", a -> {
            a.accept(2, "input", "other");
            return floorDivide(a.get(0, "input"), a.get(1, "other"));
        });
        m.put("where", PointwiseFunctions::where);
        m.put("masked_fill", a -> {
            a.accept(3, "input", "mask", "value");
            return maskedFill(a.tensor(0, "input"), a.tensor(1, "mask"), a.get(2, "value"));
        });
    }

    /** The input of clamp_min/clamp_max: an integer tensor with a float bound is clamped as the default float. */
    private static Tensor bounded(Args a, String bound) {
        Tensor t = a.tensor(0, "input");
        if (!t.dtype().isFloatingPoint() && !Values.isInteger(a.get(1, bound))) {
            return Autograd.quietly(() -> Conversion.to(t, DType.defaultFloat()));
        }
        return t;
    }

    private static void unary(Map<String, PyCallable> m, String name, UnaryOperator<Tensor> op) {
        m.put(name, a -> op.apply(a.accept(1, "input").tensor(0, "input")));
    }

    /** {@code torch.f(input, other)} whose other may be a number (made a wrapped number: the Scalar overload). */
    private static void byTensorOrNumber(Map<String, PyCallable> m, String name, BinaryOperator<Tensor> op) {
        m.put(name, a -> {
            a.accept(2, "input", "other");
            Tensor x = a.tensor(0, "input");
            Object other = a.get(1, "other");
            if (!(other instanceof Tensor) && !Values.isNumber(other)) {
                throw PyError.type(name + "(): argument 'other' (position 2) must be Tensor or Number, not "
                        + Values.typeName(other));
            }
            return op.apply(x, other instanceof Tensor y ? y : TensorArithmetic.wrap(other));
        });
    }

    private static void binary(Map<String, PyCallable> m, String name, BinaryOperator<Tensor> op) {
        m.put(name, a -> {
            a.accept(2, "input", "other");
            if (!(a.get(0, "input") instanceof Tensor x)) {
                throw PyError.type(name + "(): argument 'input'" + (a.positional().isEmpty() ? "" : " (position 1)")
                        + " must be Tensor, not " + Values.typeName(a.get(0, "input")));
            }
            Object other = a.get(1, "other");
            if (!(other instanceof Tensor y)) {
                throw PyError.type(name + "(): argument 'other' (position 2) must be Tensor, not "
                        + Values.typeName(other));
            }
            return op.apply(x, y);
        });
    }

    /** {@code a // b} and {@code torch.floor_divide}: no derivative in torch, so refused where it would record. */
    static Tensor floorDivide(Object a, Object b) {
        Tensor x = a instanceof Tensor t ? t : TensorArithmetic.wrap(a);
        Tensor y = b instanceof Tensor t ? t : TensorArithmetic.wrap(b);
        if (org.gradviz.engine.GradMode.isEnabled() && (x.requiresGrad() || y.requiresGrad())) {
            // NOTE: torch returns a tensor whose grad_fn is <NotImplemented>; its backward is an error
            throw new Unsupported("'//' (floor_divide) of a tensor that requires grad");
        }
        return Logical.floorDivide(x, y);
    }

    /** {@code torch.where(condition, input, other)}: numbers for input or other become wrapped numbers. */
    private static Tensor where(Args a) {
        a.accept(3, "condition", "input", "other");
        Tensor condition = a.tensor(0, "condition");
        if (a.size() == 1) {
            throw new Unsupported("'torch.where(condition)' (the indices of its true elements)");
        }
        Tensor x = operand(a.get(1, "input"), "input", 2);
        Tensor y = operand(a.get(2, "other"), "other", 3);
        if (condition.dtype() != DType.BOOL) {
            throw new PyError("RuntimeError", "where expected condition to be a boolean tensor, but got a tensor "
                    + "with dtype " + typeName(condition.dtype()));
        }
        return Where.where(condition, x, y);
    }

    private static Tensor operand(Object v, String name, int position) {
        if (v instanceof Tensor t) {
            return t;
        }
        if (Values.isNumber(v)) {
            return TensorArithmetic.wrap(v);
        }
        throw PyError.type("where(): argument '" + name + "' (position " + position + ") must be Tensor, not "
                + Values.typeName(v));
    }

    /** {@code t.masked_fill(mask, value)}: value a number or a 0-d tensor that requires no grad. */
    static Tensor maskedFill(Tensor t, Tensor mask, Object value) {
        if (mask.dtype() != DType.BOOL) {
            throw new Unsupported("'masked_fill' with a mask that is not a bool tensor");
        }
        double v;
        if (value instanceof Tensor vt) {
            if (vt.dim() != 0) {
                throw new PyError("RuntimeError", "masked_fill_ only supports a 0-dimensional value tensor, but got "
                        + "tensor with " + vt.dim() + " dimension(s).");
            }
            if (vt.requiresGrad()) {
                throw new Unsupported("'masked_fill' with a value tensor that requires grad");
            }
            v = vt.item();
        } else {
            v = Values.toDouble(value, "masked_fill(): argument 'value'");
        }
        return Where.maskedFill(t, mask, v);
    }

    private static String typeName(DType d) {
        return d.scalarTypeName();
    }
}
