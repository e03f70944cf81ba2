package org.gradviz.engine.random;

/**
 * An unevaluated sum {@code hi + lo} of two doubles (about 106 bits of precision),
 * with the error-free transformations it is built on. {@code hi} is always the
 * double nearest to the sum.
 */
record DoubleDouble(double hi, double lo) {

    static final DoubleDouble ONE = new DoubleDouble(1, 0);

    static DoubleDouble of(double value) {
        return new DoubleDouble(value, 0);
    }

    /** a + b exactly, for any a, b. */
    static DoubleDouble twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    /** a * b exactly (barring overflow or underflow). */
    static DoubleDouble twoProduct(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    /** a + b exactly, when |a| >= |b| or a is zero. */
    private static DoubleDouble quickTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble add(DoubleDouble other) {
        DoubleDouble s = twoSum(hi, other.hi);
        DoubleDouble t = twoSum(lo, other.lo);
        DoubleDouble u = quickTwoSum(s.hi, s.lo + t.hi);
        return quickTwoSum(u.hi, u.lo + t.lo);
    }

    DoubleDouble add(double other) {
        DoubleDouble s = twoSum(hi, other);
        return quickTwoSum(s.hi, s.lo + lo);
    }

    DoubleDouble multiply(DoubleDouble other) {
        DoubleDouble p = twoProduct(hi, other.hi);
        return quickTwoSum(p.hi, p.lo + (hi * other.lo + lo * other.hi));
    }

    DoubleDouble multiply(double other) {
        DoubleDouble p = twoProduct(hi, other);
        return quickTwoSum(p.hi, p.lo + lo * other);
    }

    DoubleDouble divide(DoubleDouble other) {
        double q1 = hi / other.hi;
        DoubleDouble r = add(other.multiply(q1).negate());
        double q2 = r.hi / other.hi;
        r = r.add(other.multiply(q2).negate());
        double q3 = r.hi / other.hi;
        return quickTwoSum(q1, q2).add(q3);
    }

    /** The double nearest to hi + lo. */
    double toDouble() {
        return hi + lo;
    }
}
