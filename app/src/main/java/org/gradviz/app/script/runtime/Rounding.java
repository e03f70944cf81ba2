package org.gradviz.app.script.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.gradviz.app.script.ast.BinaryOp;

/** {@code round(number[, ndigits])}: half to even, on the exact value, as CPython's {@code long_round} and {@code double_round}. */
final class Rounding {

    /** Beyond these many digits after (before) the point a float rounds to itself (to zero): CPython's NDIGITS_MAX/MIN. */
    private static final long MOST_DIGITS = 323;
    private static final long FEWEST_DIGITS = -308;

    private Rounding() {
    }

    /** @param digits an int, or null when {@code ndigits} is absent or None */
    static Object round(Object number, Object digits) {
        if (Values.isInteger(number)) {
            Object x = number instanceof Boolean ? (Object) Values.toLong(number) : number;
            if (digits == null || Numbers.compare(digits, 0L) >= 0) {
                return x;
            }
            Object unit = Numbers.apply(BinaryOp.POW, 10L, Numbers.negate(digits));
            return toMultiple(Ints.big(x), Ints.big(unit));
        }
        double x = Values.toDouble(number, "round()");
        if (digits == null) {
            if (!Double.isFinite(x)) {
                throw Double.isNaN(x) ? PyError.value("cannot convert float NaN to integer")
                        : new PyError("OverflowError", "cannot convert float infinity to integer");
            }
            return Ints.fromDouble(Math.rint(x));
        }
        long n = Ints.clamped(digits);
        if (n > MOST_DIGITS || x == 0.0 || !Double.isFinite(x)) {
            return x;
        }
        if (n < FEWEST_DIGITS) {
            return 0.0 * x;
        }
        double rounded = new BigDecimal(x).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(rounded)) {
            throw new PyError("OverflowError", "rounded value too large to represent");
        }
        return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
    }

    /** {@code x} rounded to a multiple of {@code unit}, ties to the even multiple. */
    private static Object toMultiple(BigInteger x, BigInteger unit) {
        BigInteger[] qr = x.divideAndRemainder(unit);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() < 0) {
            q = q.subtract(BigInteger.ONE);
            r = r.add(unit);
        }
        int half = r.shiftLeft(1).compareTo(unit);
        if (half > 0 || half == 0 && q.testBit(0)) {
            q = q.add(BigInteger.ONE);
        }
        return Ints.of(q.multiply(unit));
    }
}
