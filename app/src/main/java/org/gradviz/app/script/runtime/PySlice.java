package org.gradviz.app.script.runtime;

/** A slice {@code lower:upper:step} inside a tensor's index ({@code t[1:3, 0]}); absent parts are None. */
record PySlice(Object lower, Object upper, Object step) {

    /** {@code :} alone, which torch skips rather than records. */
    boolean isFull() {
        return lower == PyNone.NONE && upper == PyNone.NONE && (step == PyNone.NONE || Long.valueOf(1).equals(step));
    }
}
