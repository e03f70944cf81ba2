package org.gradviz.engine.ops;

import org.gradviz.engine.Shape;

/** The lines of a tensor along {@code dim}: {@code outer} blocks of {@code size} steps {@code inner} apart. */
record DimensionLines(int outer, int size, int inner) {
    static DimensionLines of(Shape shape, int dim) {
        if (shape.rank() == 0) {
            return new DimensionLines(1, 1, 1);
        }
        int outer = 1;
        for (int i = 0; i < dim; i++) {
            outer *= shape.dim(i);
        }
        int inner = 1;
        for (int i = dim + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        return new DimensionLines(outer, shape.dim(dim), inner);
    }

    int at(int o, int k, int i) {
        return (o * size + k) * inner + i;
    }
}
