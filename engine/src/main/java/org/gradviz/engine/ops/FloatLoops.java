package org.gradviz.engine.ops;

/**
 * Float32 element-wise loops of a binary function over runs of elements: two arrays, or an array and one value on
 * either side. For the {@link BasicOp}s each case is a plain counted loop that the JIT vectorises; any other function is
 * applied in double and rounded to float, as the double-held path always did.
 */
final class FloatLoops {
    private FloatLoops() {
    }

    /** Fewest values per run of {@link #repeated}. */
    private static final int MIN_RUN = 1024;

    /**
     * A short row (a bias of a few values) repeated until the run has at least 1024 values, so that adding it to the
     * rows of a matrix is a few long loops instead of many short ones; a long row as it is.
     */
    static float[] repeated(float[] row) {
        if (row.length >= MIN_RUN || row.length == 0) {
            return row;
        }
        int copies = (MIN_RUN + row.length - 1) / row.length;
        float[] run = new float[copies * row.length];
        System.arraycopy(row, 0, run, 0, row.length);
        for (int filled = row.length; filled < run.length; filled *= 2) {
            System.arraycopy(run, 0, run, filled, Math.min(filled, run.length - filled));
        }
        return run;
    }

    /** r[ro+i] = f(x[xo+i], y[yo+i]) for i < n. */
    static void arrays(Broadcast.BinaryFn f, float[] x, int xo, float[] y, int yo, float[] r, int ro, int n) {
        if (f == BasicOp.ADD) {
            for (int i = 0; i < n; i++) {
                r[ro + i] = x[xo + i] + y[yo + i];
            }
        } else if (f == BasicOp.SUB) {
            for (int i = 0; i < n; i++) {
                r[ro + i] = x[xo + i] - y[yo + i];
            }
        } else if (f == BasicOp.MUL) {
            for (int i = 0; i < n; i++) {
                r[ro + i] = x[xo + i] * y[yo + i];
            }
        } else if (f == BasicOp.DIV) {
            for (int i = 0; i < n; i++) {
                r[ro + i] = x[xo + i] / y[yo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                r[ro + i] = (float) f.apply(x[xo + i], y[yo + i]);
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
