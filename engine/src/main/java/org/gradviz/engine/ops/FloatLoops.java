package org.gradviz.engine.ops;

/**
 * Float32 element-wise loops of a binary function: two arrays of the result's length, or an array and one value on
 * either side. For the {@link BasicOp}s each case is a plain counted loop that the JIT vectorises; any other function is
 * applied in double and rounded to float, as the double-held path always did.
 */
final class FloatLoops {
    private FloatLoops() {
    }

    /**
     * r filled with copies of {@code row} (whose length divides r's), by doubling copies: the rows of a matrix that a
     * broadcast row (a bias) is added to, so that the op is one loop over the same index of three arrays. A loop that
     * reads a short row at another offset than it writes is not vectorised by C2 (it cannot rule out that the arrays
     * overlap), one over the same index always is.
     */
    static void tile(float[] row, float[] r) {
        if (row.length == 0 || r.length == 0) {
            return;
        }
        System.arraycopy(row, 0, r, 0, row.length);
        for (int filled = row.length; filled < r.length; filled *= 2) {
            System.arraycopy(r, 0, r, filled, Math.min(filled, r.length - filled));
        }
    }

    /** r[i] = f(x[i], y[i]) for every i (r may be x or y). */
    static void arrays(Broadcast.BinaryFn f, float[] x, float[] y, float[] r) {
        if (f == BasicOp.ADD) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] + y[i];
            }
        } else if (f == BasicOp.SUB) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] - y[i];
            }
        } else if (f == BasicOp.MUL) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] * y[i];
            }
        } else if (f == BasicOp.DIV) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] / y[i];
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) f.apply(x[i], y[i]);
            }
        }
    }

    /** r[i] = f(x[i], y) for every i. */
    static void valueRight(Broadcast.BinaryFn f, float[] x, float y, float[] r) {
        if (f == BasicOp.ADD) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] + y;
            }
        } else if (f == BasicOp.SUB) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] - y;
            }
        } else if (f == BasicOp.MUL) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] * y;
            }
        } else if (f == BasicOp.DIV) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] / y;
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) f.apply(x[i], y);
            }
        }
    }

    /** r[i] = f(x, y[i]) for every i. */
    static void valueLeft(Broadcast.BinaryFn f, float x, float[] y, float[] r) {
        if (f == BasicOp.ADD) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x + y[i];
            }
        } else if (f == BasicOp.SUB) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x - y[i];
            }
        } else if (f == BasicOp.MUL) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x * y[i];
            }
        } else if (f == BasicOp.DIV) {
            for (int i = 0; i < r.length; i++) {
                r[i] = x / y[i];
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) f.apply(x, y[i]);
            }
        }
    }
}
