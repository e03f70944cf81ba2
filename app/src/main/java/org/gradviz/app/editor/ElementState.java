package org.gradviz.app.editor;

import java.util.Optional;
import org.gradviz.engine.Tensor;

/**
 * What the canvas shows for one element: its shape as far as it is known, its value (sources always,
 * ops after Forward), its gradient after Backward, and the engine's message when it failed.
 * {@code gradExpected} says whether Backward will give it a gradient (it requires grad, or an op on the
 * way to it does), so its box can keep room for one from the start.
 */
public record ElementState(String name, int[] shape, Tensor value, Tensor grad, String error, boolean gradExpected) {

    public Optional<int[]> shapeIfKnown() {
        return Optional.ofNullable(shape);
    }

    public Optional<Tensor> valueIfComputed() {
        return Optional.ofNullable(value);
    }

    public Optional<Tensor> gradIfComputed() {
        return Optional.ofNullable(grad);
    }

    public Optional<String> errorIfFailed() {
        return Optional.ofNullable(error);
    }
}
