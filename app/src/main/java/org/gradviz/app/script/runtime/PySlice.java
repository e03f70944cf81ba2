package org.gradviz.app.script.runtime;

/**
 * A slice {@code lower:upper:step} inside an index ({@code t[1:3, 0]}, or what a class's {@code __getitem__} or
 * {@code __delitem__} receives); absent parts are None.
 */
record PySlice(Object lower, Object upper, Object step) {

    /** {@code :} alone, which torch skips rather than records. */
    boolean isFull() {
        return lower == PyNone.NONE && upper == PyNone.NONE && (step == PyNone.NONE || Long.valueOf(1).equals(step));
    }

    /** Python's repr, {@code slice(1, 2, None)}, which str and print show too. */
    @Override
    public String toString() {
        return "slice(" + Values.repr(lower) + ", " + Values.repr(upper) + ", " + Values.repr(step) + ")";
    }
}
