package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Bitwise;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Remainder;

/**
 * Binary operators with a tensor on at least one side, recording the graph PyTorch records: a Python number
 * becomes a wrapped-number tensor, {@code 1 - t} is {@code RsubBackward1}, {@code 2 / t} reciprocal-then-mul,
 * {@code 2 ** t} a 0-d tensor of the result type to the power t.
 */
final class TensorArithmetic {

    private TensorArithmetic() {
    }

    static Tensor apply(BinaryOp op, Object a, Object b) {
        if (op.isBitwise()) {
            return bitwise(op, a, b);
        }
        if (a instanceof Tensor x && b instanceof Tensor y) {
            return switch (op) {
                case ADD -> Arithmetic.add(x, y);
                case SUB -> Arithmetic.sub(x, y);
                case MUL -> Arithmetic.mul(x, y);
                case DIV -> Arithmetic.div(x, y);
                case POW -> Arithmetic.pow(x, y);
                case MATMUL -> LinearAlgebra.matmul(x, y);
                case FLOOR_DIV -> PointwiseFunctions.floorDivide(x, y);
                case MOD -> Remainder.remainder(x, y);
                default -> throw unsupportedByGradviz(op);
            };
        }
        if (a instanceof Tensor x && Values.isNumber(b)) {
            Tensor n = wrap(b);
            return switch (op) {
                case ADD -> Arithmetic.add(x, n);
                case SUB -> Arithmetic.sub(x, n);
                case MUL -> Arithmetic.mul(x, n);
                case DIV -> Arithmetic.div(x, n);
                case POW -> Arithmetic.pow(x, Values.toDouble(b, ""), Values.isInteger(b));
                case FLOOR_DIV -> PointwiseFunctions.floorDivide(x, b);
                case MOD -> Remainder.remainder(x, n);
                case MATMUL -> throw Numbers.unsupported(op, a, b);
                default -> throw unsupportedByGradviz(op);
            };
        }
        if (Values.isNumber(a) && b instanceof Tensor y) {
            double number = Values.toDouble(a, "");
            return switch (op) {
                // NOTE: Python calls y.__radd__(a), i.e. y + a: the tensor stays the first input
                case ADD -> Arithmetic.add(y, wrap(a));
                case MUL -> Arithmetic.mul(y, wrap(a));
                case SUB -> Arithmetic.rsub(y, wrap(a));
                case DIV -> y.rdiv(number);
                case POW -> Arithmetic.pow(Torch.scalar(number, resultType(a, y)), y);
                case FLOOR_DIV -> PointwiseFunctions.floorDivide(a, y);
                // NOTE: torch's remainder(Scalar, Tensor) has no derivative: the result records no node
                case MOD -> org.gradviz.engine.Autograd.quietly(() -> Remainder.remainder(wrap(a), y));
                case MATMUL -> throw Numbers.unsupported(op, a, b);
                default -> throw unsupportedByGradviz(op);
            };
        }
        throw Numbers.unsupported(op, a, b);
    }

    /**
     * {@code a & b}, {@code |}, {@code ^}, {@code <<}, {@code >>} with a tensor on either side: torch's
     * {@code __and__}/{@code __rand__} and the others, a Python number on the right of the tensor.
     */
    private static Tensor bitwise(BinaryOp op, Object a, Object b) {
        Bitwise.Op f = switch (op) {
            case BITWISE_AND -> Bitwise.Op.AND;
            case BITWISE_OR -> Bitwise.Op.OR;
            case BITWISE_XOR -> Bitwise.Op.XOR;
            case BITWISE_LEFT_SHIFT -> Bitwise.Op.LEFT_SHIFT;
            default -> Bitwise.Op.RIGHT_SHIFT;
        };
        if (a instanceof Tensor x && b instanceof Tensor y) {
            return Bitwise.apply(f, x, y);
        }
        if (a instanceof Tensor x && Values.isNumber(b)) {
            return Bitwise.apply(f, x, wrap(b));
        }
        if (Values.isNumber(a) && b instanceof Tensor y) {
            // NOTE: & | ^ are y.__rand__(a) = y & a; a shift keeps a on the left, as torch's __rlshift__ does
            return f == Bitwise.Op.LEFT_SHIFT || f == Bitwise.Op.RIGHT_SHIFT
                    ? Bitwise.apply(f, wrap(a), y) : Bitwise.apply(f, y, wrap(a));
        }
        throw Numbers.unsupported(op, a, b);
    }

    /**
     * Before {@code t &= b} and the other bitwise in-place ops: the broadcast shape and then torch's can_cast of the
     * result type, which come before the kernel's refusal of a float type.
     */
    static void checkBitwiseInPlace(Tensor t, Object operand) {
        Tensor other = operand instanceof Tensor y ? y : Values.isNumber(operand) ? wrap(operand) : null;
        if (other != null) {
            org.gradviz.engine.ops.Broadcast.shapes(t.shape(), other.shape());
            TensorInPlace.checkCastable(org.gradviz.engine.ops.Broadcast.resultType(t, other), t);
        }
    }

    /** {@code ~t}: torch's {@code __invert__}, refusing a float tensor as Python-level torch does. */
    static Tensor invert(Tensor t) {
        if (t.dtype().isFloatingPoint()) {
            throw PyError.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors");
        }
        return Bitwise.not(t);
    }

    /** A Python number as the wrapped-number tensor torch makes of it: bool, int64 or float64. */
    static Tensor wrap(Object number) {
        if (number instanceof Boolean b) {
            return Tensor.wrappedBool(b);
        }
        if (Values.isInteger(number)) {
            Ints.int64(number);
        }
        return Tensor.wrappedNumber(Values.toDouble(number, ""), Values.isInteger(number));
    }

    /** torch.result_type(number, tensor): the tensor's float type, else float32 for a float number, else int64. */
    private static DType resultType(Object number, Tensor t) {
        if (t.dtype().isFloatingPoint()) {
            return t.dtype();
        }
        return Values.isInteger(number) ? DType.INT64 : DType.defaultFloat();
    }

    private static Unsupported unsupportedByGradviz(BinaryOp op) {
        return new Unsupported("'" + op.symbol() + "' on tensors");
    }
}
