package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import java.util.Objects;

/** {@code range(start, stop, step)} with Python's unbounded ints, never materialised. */
public final class PyRange {

    /** The most steps a loop over one range, or a list made of it, may take: bounds runaway loops. */
    public static final long MAX_LENGTH = 10_000_000L;

    private final BigInteger start;
    private final BigInteger stop;
    private final BigInteger step;
    private final BigInteger length;
    /** Whether every item fits a long, so items are computed without BigInteger. */
    private final boolean small;

    public PyRange(BigInteger start, BigInteger stop, BigInteger step) {
        if (step.signum() == 0) {
            throw PyError.value("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        BigInteger span = step.signum() > 0 ? stop.subtract(start) : start.subtract(stop);
        this.length = span.signum() <= 0 ? BigInteger.ZERO
                : span.subtract(BigInteger.ONE).divide(step.abs()).add(BigInteger.ONE);
        this.small = start.bitLength() < 64 && stop.bitLength() < 64 && step.bitLength() < 64;
    }

    public PyRange(long start, long stop, long step) {
        this(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step));
    }

    /** The number of items, however large. */
    public BigInteger length() {
        return length;
    }

    /** {@code len(range)}: OverflowError beyond a C ssize_t, as Python's. */
    public long size() {
        return Ints.ssize(Ints.of(length));
    }

    /** The number of items a loop walks, refused beyond {@link #MAX_LENGTH}. */
    public long loopLength() {
        if (length.compareTo(BigInteger.valueOf(MAX_LENGTH)) > 0) {
            throw new PyError("RuntimeError", "range of " + length + " steps is over gradviz's limit of "
                    + MAX_LENGTH + " steps per range (a bound on runaway loops); use a smaller range");
        }
        return length.longValue();
    }

    /** The item at {@code 0 <= i < length}. */
    public Object get(long i) {
        if (small) {
            // NOTE: cannot overflow: the item lies between start and stop, which both fit a long
            return start.longValue() + i * step.longValue();
        }
        return Ints.of(start.add(BigInteger.valueOf(i).multiply(step)));
    }

    /** {@code range[index]} with Python's negative indices. */
    public Object item(BigInteger index) {
        BigInteger i = index.signum() < 0 ? index.add(length) : index;
        if (i.signum() < 0 || i.compareTo(length) >= 0) {
            throw PyError.index("range object index out of range");
        }
        return Ints.of(start.add(i.multiply(step)));
    }

    public boolean contains(BigInteger v) {
        boolean inside = step.signum() > 0 ? v.compareTo(start) >= 0 && v.compareTo(stop) < 0
                : v.compareTo(start) <= 0 && v.compareTo(stop) > 0;
        return inside && v.subtract(start).mod(step.abs()).signum() == 0;
    }

    public boolean isEmpty() {
        return length.signum() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyRange r && start.equals(r.start) && stop.equals(r.stop) && step.equals(r.step);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, stop, step);
    }

    @Override
    public String toString() {
        return step.equals(BigInteger.ONE) ? "range(" + start + ", " + stop + ")"
                : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
