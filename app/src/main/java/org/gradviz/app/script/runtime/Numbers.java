package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.BinaryOp;

/**
 * Python arithmetic on int (64-bit here; overflow raises OverflowError instead of growing) and float, with
 * Python's rules: {@code /} is true division, {@code //} and {@code %} floor, {@code int ** negative} is a float.
 */
final class Numbers {

    private Numbers() {
    }

    static Object apply(BinaryOp op, Object a, Object b) {
        if (Values.isInteger(a) && Values.isInteger(b)) {
            return integer(op, Values.toLong(a), Values.toLong(b));
        }
        return floating(op, Values.toDouble(a, ""), Values.toDouble(b, ""));
    }

    private static Object integer(BinaryOp op, long a, long b) {
        try {
            return switch (op) {
                case ADD -> Math.addExact(a, b);
                case SUB -> Math.subtractExact(a, b);
                case MUL -> Math.multiplyExact(a, b);
                case DIV -> {
                    if (b == 0) {
                        throw PyError.zeroDivision("division by zero");
                    }
                    yield (double) a / (double) b;
                }
                case FLOOR_DIV -> {
                    if (b == 0) {
                        throw PyError.zeroDivision("integer division or modulo by zero");
                    }
                    yield Math.floorDiv(a, b);
                }
                case MOD -> {
                    if (b == 0) {
                        throw PyError.zeroDivision("integer modulo by zero");
                    }
                    yield Math.floorMod(a, b);
                }
                case POW -> b >= 0 ? power(a, b) : floating(op, a, b);
                case MATMUL -> throw unsupported(op, 0L, 0L);
            };
        } catch (ArithmeticException e) {
            throw new PyError("OverflowError", "integer result too large for gradviz's 64-bit ints");
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
                yield Math.floor(a / b);
            }
            case MOD -> {
                if (b == 0.0) {
                    throw PyError.zeroDivision("float modulo");
                }
                double r = a % b;
                yield r != 0.0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case POW -> {
                if (a == 0.0 && b < 0) {
                    throw PyError.zeroDivision("0.0 cannot be raised to a negative power");
                }
                if (a < 0 && b != Math.rint(b) && Double.isFinite(b)) {
                    throw new Unsupported("a complex number (a negative number ** a fraction)");
                }
                yield Math.pow(a, b);
            }
            case MATMUL -> throw unsupported(op, 0.0, 0.0);
        };
    }

    static PyError unsupported(BinaryOp op, Object a, Object b) {
        return PyError.type("unsupported operand type(s) for " + op.symbol() + ": '" + Values.typeName(a)
                + "' and '" + Values.typeName(b) + "'");
    }
}
