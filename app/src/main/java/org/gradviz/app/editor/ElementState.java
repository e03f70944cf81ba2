package org.gradviz.app.editor;

import java.util.Optional;
import org.gradviz.app.animation.TensorValue;

/**
 * What the canvas shows for one element: its shape as far as it is known, its value (sources always,
 * ops after Forward), its gradient after Backward, and the engine's message when it failed.
 * {@code gradExpected} says whether Backward will give it a gradient (it requires grad, or an op on the
 * way to it does), so its box can keep room for one from the start. Values are copies, as the engine had
 * them at the moment shown (the animation can show earlier moments); {@code valueStale} and
 * {@code gradStale} mark values a later command made out of date; {@code valueHidden} and {@code gradHidden}
 * those reveal keeps back until the player steps to them ({@link org.gradviz.app.animation.RevealMask}).
 */
public record ElementState(String name, int[] shape, TensorValue value, TensorValue grad, String error,
        boolean gradExpected, boolean valueStale, boolean gradStale, boolean valueHidden, boolean gradHidden) {

    public Optional<int[]> shapeIfKnown() {
        return Optional.ofNullable(shape);
    }

    /** The value to show: none while reveal hides it ({@code valueHidden}). */
    public Optional<TensorValue> valueIfComputed() {
        return valueHidden ? Optional.empty() : Optional.ofNullable(value);
    }

    /** The gradient to show: none while reveal hides it ({@code gradHidden}). */
    public Optional<TensorValue> gradIfComputed() {
        return gradHidden ? Optional.empty() : Optional.ofNullable(grad);
    }

    public Optional<String> errorIfFailed() {
        return Optional.ofNullable(error);
    }
}
