package org.gradviz.app.script.runtime;

/** {@code range(start, stop, step)}, never materialised. */
public record PyRange(long start, long stop, long step) {

    /** The most steps one range may have: bounds runaway loops. */
    public static final long MAX_LENGTH = 10_000_000L;

    public PyRange {
        if (step == 0) {
            throw PyError.value("range() arg 3 must not be zero");
        }
        long length = lengthOf(start, stop, step);
        if (length > MAX_LENGTH) {
            throw new PyError("RuntimeError", "range of " + length + " steps is over gradviz's limit of "
                    + MAX_LENGTH + " steps per range (a bound on runaway loops); use a smaller range");
        }
    }

    private static long lengthOf(long start, long stop, long step) {
        if (step > 0) {
            return start >= stop ? 0 : (stop - start - 1) / step + 1;
        }
        return start <= stop ? 0 : (start - stop - 1) / (-step) + 1;
    }

    public long length() {
        return lengthOf(start, stop, step);
    }

    public long get(long i) {
        return start + i * step;
    }

    @Override
    public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
