package org.gradviz.app.script.runtime;

/** Python's {@code None}. */
public enum PyNone {
    NONE;

    @Override
    public String toString() {
        return "None";
    }
}
