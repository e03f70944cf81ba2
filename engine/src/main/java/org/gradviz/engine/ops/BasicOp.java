package org.gradviz.engine.ops;

/**
 * The four arithmetic operators as element-wise functions. Besides {@link #apply}, each has float32 loops over whole
 * runs of elements ({@link FloatLoops}), which the JIT vectorises: a float32 sum, difference, product or quotient is
 * the double one rounded once, so both give the same bits.
 */
enum BasicOp implements Broadcast.BinaryFn {
    ADD,
    SUB,
    MUL,
    DIV;

    @Override
    public double apply(double a, double b) {
        switch (this) {
            case ADD:
                return a + b;
            case SUB:
                return a - b;
            case MUL:
                return a * b;
            default:
                return a / b;
        }
    }
}
