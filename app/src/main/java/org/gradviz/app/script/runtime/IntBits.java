package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import org.gradviz.app.script.ast.BinaryOp;

/**
 * Python's bitwise operators on ints and bools: two's complement of unbounded ints, {@code &}, {@code |} and
 * {@code ^} of two bools a bool, a shift by a negative count a ValueError, and {@code ~}.
 */
final class IntBits {
    /** The widest shift BigInteger can hold the result of (2**31 bits), where CPython would run out of memory. */
    private static final long MAX_SHIFT = Integer.MAX_VALUE;

    private IntBits() {
    }

    /** {@code a op b} for two ints or bools and a bitwise {@code op}. */
    static Object apply(BinaryOp op, Object a, Object b) {
        if (a instanceof Boolean x && b instanceof Boolean y) {
            switch (op) {
                case BITWISE_AND -> {
                    return x & y;
                }
                case BITWISE_OR -> {
                    return x | y;
                }
                case BITWISE_XOR -> {
                    return x ^ y;
                }
                default -> {
                }
            }
        }
        if (op == BinaryOp.BITWISE_LEFT_SHIFT || op == BinaryOp.BITWISE_RIGHT_SHIFT) {
            return shift(op == BinaryOp.BITWISE_LEFT_SHIFT, a, b);
        }
        if (Ints.fitsLong(a) && Ints.fitsLong(b)) {
            long x = Values.toLong(a);
            long y = Values.toLong(b);
            return switch (op) {
                case BITWISE_AND -> x & y;
                case BITWISE_OR -> x | y;
                default -> x ^ y;
            };
        }
        BigInteger x = Ints.big(a);
        BigInteger y = Ints.big(b);
        return Ints.of(switch (op) {
            case BITWISE_AND -> x.and(y);
            case BITWISE_OR -> x.or(y);
            default -> x.xor(y);
        });
    }

    /** {@code ~v}: {@code -(v + 1)}, an int also for a bool. */
    static Object invert(Object v) {
        return Ints.fitsLong(v) ? (Object) ~Values.toLong(v) : Ints.of(Ints.big(v).not());
    }

    private static Object shift(boolean left, Object a, Object count) {
        BigInteger n = Ints.big(count);
        if (n.signum() < 0) {
            throw new PyError("ValueError", "negative shift count");
        }
        BigInteger x = Ints.big(a);
        if (n.bitLength() >= 64) {
            if (left && x.signum() != 0) {
                throw new PyError("OverflowError", "too many digits in integer");
            }
            return left || x.signum() >= 0 ? 0L : -1L;
        }
        long bits = n.longValue();
        if (left) {
            if (x.signum() == 0) {
                return 0L;
            }
            if (bits > MAX_SHIFT - x.bitLength()) {
                throw new PyError("MemoryError", "");
            }
            return Ints.of(x.shiftLeft((int) bits));
        }
        return bits > MAX_SHIFT ? (x.signum() >= 0 ? 0L : -1L) : Ints.of(x.shiftRight((int) bits));
    }
}
