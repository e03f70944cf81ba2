package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/** The shape and dtype an input had, so its gradient can be summed and cast back to match it. */
record InputMeta(Shape shape, DType dtype) {
    static InputMeta of(Tensor t) {
        return new InputMeta(t.shape(), t.dtype());
    }

    /** {@code grad} summed over broadcast dimensions and cast to this input's dtype. */
    Tensor reduce(Tensor grad) {
        return Broadcast.sumTo(grad, shape, dtype);
    }

    /** {@link #reduce} recorded, for a chain rule under {@code create_graph}. */
    Tensor reduceRecorded(Tensor grad) {
        return Views.sumTo(grad, shape, dtype);
    }
}
