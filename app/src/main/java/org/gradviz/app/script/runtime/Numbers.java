package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * Python arithmetic on int (unbounded: a long while it fits, a BigInteger beyond) and float, with Python's rules:
 * {@code /} is true division, {@code //} and {@code %} floor, {@code int ** negative} is a float.
 */
final class Numbers {

    /** The most bits a power may have before it is refused as MemoryError, as a BigInteger cannot hold more. */
    private static final long MAX_POWER_BITS = Integer.MAX_VALUE;

    private Numbers() {
    }

    static Object apply(BinaryOp op, Object a, Object b) {
        if (op.isBitwise()) {
            if (Values.isInteger(a) && Values.isInteger(b)) {
                return IntBits.apply(op, a, b);
            }
            throw unsupported(op, a, b);
        }
        if (Values.isInteger(a) && Values.isInteger(b)) {
            if (Ints.fitsLong(a) && Ints.fitsLong(b)) {
                Object small = small(op, Values.toLong(a), Values.toLong(b));
                if (small != null) {
                    return small;
                }
            }
            try {
                return big(op, Ints.big(a), Ints.big(b));
            } catch (ArithmeticException e) {
                // NOTE: BigInteger refuses results beyond 2**31 bits, where Python would run out of memory
                throw new PyError("MemoryError", "");
            }
        }
        return floating(op, Values.toDouble(a, ""), Values.toDouble(b, ""));
    }

    /** What {@link #compare} gives when either side is NaN: every ordering and equality is false. */
    static final int UNORDERED = Integer.MIN_VALUE;

    /** The order of two numbers (ints, floats, bools), exact between ints and floats as Python's; or UNORDERED. */
    static int compare(Object a, Object b) {
        boolean intA = Values.isInteger(a);
        boolean intB = Values.isInteger(b);
        if (intA && intB) {
            return Ints.fitsLong(a) && Ints.fitsLong(b) ? Long.compare(Values.toLong(a), Values.toLong(b))
                    : Ints.big(a).compareTo(Ints.big(b));
        }
        double x = intA ? 0.0 : Values.toDouble(a, "");
        double y = intB ? 0.0 : Values.toDouble(b, "");
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return UNORDERED;
        }
        if (intA) {
            return Ints.compareWithFloat(a, y);
        }
        if (intB) {
            return -Ints.compareWithFloat(b, x);
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** {@code -v} of an int. */
    static Object negate(Object v) {
        if (Ints.fitsLong(v) && Values.toLong(v) != Long.MIN_VALUE) {
            return -Values.toLong(v);
        }
        return Ints.of(Ints.big(v).negate());
    }

    /** {@code abs(v)} of an int. */
    static Object abs(Object v) {
        if (Ints.fitsLong(v)) {
            return Values.toLong(v) < 0 ? negate(v) : (Object) Values.toLong(v);
        }
        return Ints.of(Ints.big(v).abs());
    }

    /** Two longs, or null when the result needs more than 64 bits. */
    private static Object small(BinaryOp op, long a, long b) {
        try {
            return switch (op) {
                case ADD -> Math.addExact(a, b);
                case SUB -> Math.subtractExact(a, b);
                case MUL -> Math.multiplyExact(a, b);
                case DIV -> {
                    checkDivisor(b == 0, "division by zero");
                    yield Ints.trueDivide(a, b);
                }
                case FLOOR_DIV -> {
                    checkDivisor(b == 0, "integer division or modulo by zero");
                    yield a == Long.MIN_VALUE && b == -1 ? null : Math.floorDiv(a, b);
                }
                case MOD -> {
                    checkDivisor(b == 0, "integer modulo by zero");
                    yield Math.floorMod(a, b);
                }
                case POW -> b >= 0 ? power(a, b) : floating(op, a, b);
                case MATMUL, BITWISE_AND, BITWISE_OR, BITWISE_XOR, BITWISE_LEFT_SHIFT, BITWISE_RIGHT_SHIFT ->
                        throw unsupported(op, 0L, 0L);
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Object big(BinaryOp op, BigInteger a, BigInteger b) {
        return switch (op) {
            case ADD -> Ints.of(a.add(b));
            case SUB -> Ints.of(a.subtract(b));
            case MUL -> Ints.of(a.multiply(b));
            case DIV -> {
                checkDivisor(b.signum() == 0, "division by zero");
                yield Ints.trueDivide(Ints.of(a), Ints.of(b));
            }
            case FLOOR_DIV -> {
                checkDivisor(b.signum() == 0, "integer division or modulo by zero");
                BigInteger[] qr = a.divideAndRemainder(b);
                boolean adjust = qr[1].signum() != 0 && qr[1].signum() != b.signum();
                yield Ints.of(adjust ? qr[0].subtract(BigInteger.ONE) : qr[0]);
            }
            case MOD -> {
                checkDivisor(b.signum() == 0, "integer modulo by zero");
                BigInteger r = a.remainder(b);
                yield Ints.of(r.signum() != 0 && r.signum() != b.signum() ? r.add(b) : r);
            }
            case POW -> b.signum() < 0 ? floating(op, Ints.toDouble(Ints.of(a)), Ints.toDouble(Ints.of(b)))
                    : bigPower(a, b);
            case MATMUL, BITWISE_AND, BITWISE_OR, BITWISE_XOR, BITWISE_LEFT_SHIFT, BITWISE_RIGHT_SHIFT ->
                    throw unsupported(op, 0L, 0L);
        };
    }

    private static Object bigPower(BigInteger base, BigInteger exponent) {
        if (base.signum() == 0 || base.equals(BigInteger.ONE)) {
            return exponent.signum() == 0 ? 1L : Ints.of(base);
        }
        if (base.equals(BigInteger.ONE.negate())) {
            return exponent.testBit(0) ? -1L : 1L;
        }
        if (exponent.bitLength() > 31 || (base.bitLength() - 1L) * exponent.longValue() > MAX_POWER_BITS) {
            throw new PyError("MemoryError", "");
        }
        return Ints.of(base.pow(exponent.intValue()));
    }

    private static void checkDivisor(boolean zero, String message) {
        if (zero) {
            throw PyError.zeroDivision(message);
        }
    }

    private static long power(long base, long exponent) {
        long result = 1;
        long b = base;
        long e = exponent;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = Math.multiplyExact(result, b);
            }
            e >>= 1;
            if (e > 0) {
                b = Math.multiplyExact(b, b);
            }
        }
        return result;
    }

    private static Object floating(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> {
                if (b == 0.0) {
                    throw PyError.zeroDivision("float division by zero");
                }
                yield a / b;
            }
            case FLOOR_DIV -> {
                if (b == 0.0) {
                    throw PyError.zeroDivision("float floor division by zero");
                }
                yield floatDivmod(a, b)[0];
            }
            case MOD -> {
                if (b == 0.0) {
                    throw PyError.zeroDivision("float modulo");
                }
                yield floatDivmod(a, b)[1];
            }
            case POW -> floatPower(a, b);
            case MATMUL, BITWISE_AND, BITWISE_OR, BITWISE_XOR, BITWISE_LEFT_SHIFT, BITWISE_RIGHT_SHIFT ->
                    throw unsupported(op, 0.0, 0.0);
        };
    }

    /**
     * CPython's float_divmod: the remainder is fmod's (exact), with the divisor's sign; the quotient (a - mod) / b
     * snapped to the nearest integer (so 7.0 // 0.1 is 69.0, as fmod sees 0.1 above a tenth).
     */
    private static double[] floatDivmod(double a, double b) {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        double floorDiv;
        if (div != 0.0) {
            floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
        } else {
            floorDiv = Math.copySign(0.0, a / b);
        }
        return new double[] {floorDiv, mod};
    }

    /** CPython's float_pow: IEEE special cases decided first, then glibc's pow of |a| (negated for an odd power). */
    private static double floatPower(double a, double b) {
        if (b == 0) {
            return 1.0;
        }
        if (Double.isNaN(a)) {
            return a;
        }
        if (Double.isNaN(b)) {
            return a == 1.0 ? 1.0 : b;
        }
        if (Double.isInfinite(b)) {
            double abs = Math.abs(a);
            return abs == 1.0 ? 1.0 : (b > 0) == (abs > 1.0) ? Math.abs(b) : 0.0;
        }
        boolean oddB = Math.abs(b) % 2.0 == 1.0;
        if (Double.isInfinite(a)) {
            return b > 0 ? (oddB ? a : Math.abs(a)) : (oddB ? Math.copySign(0.0, a) : 0.0);
        }
        if (a == 0.0) {
            if (b < 0) {
                throw PyError.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return oddB ? a : 0.0;
        }
        boolean negate = false;
        if (a < 0) {
            if (b != Math.floor(b)) {
                throw new Unsupported("a complex number (a negative number ** a fraction)");
            }
            a = -a;
            negate = oddB;
        }
        if (a == 1.0) {
            return negate ? -1.0 : 1.0;
        }
        double power = GlibcPow.pow(a, b);
        if (Double.isInfinite(power)) {
            throw new PyError("OverflowError", "(34, 'Numerical result out of range')");
        }
        return negate ? -power : power;
    }

    static PyError unsupported(BinaryOp op, Object a, Object b) {
        return unsupported(op.symbol(), a, b);
    }

    private static PyError unsupported(String symbol, Object a, Object b) {
        return PyError.type("unsupported operand type(s) for " + symbol + ": '" + Values.typeName(a)
                + "' and '" + Values.typeName(b) + "'");
    }

    /**
     * The error of {@code a op= b}: Python names the augmented operator ({@code +=}) where {@code a op b} would have
     * named {@code +}; any other error is {@code e} itself.
     */
    static PyError augmented(PyError e, BinaryOp op, Object a, Object b) {
        PyError plain = unsupported(op, a, b);
        boolean sameError = e.pythonType().equals(plain.pythonType()) && e.getMessage().equals(plain.getMessage());
        return sameError ? unsupported(op.symbol() + "=", a, b) : e;
    }
}
