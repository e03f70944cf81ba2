package org.gradviz.app.script.runtime;

/** Python's {@code Ellipsis}, written {@code ...}: in a tensor index, all the dimensions not otherwise indexed. */
enum PyEllipsis {
    ELLIPSIS;

    @Override
    public String toString() {
        return "Ellipsis";
    }
}
