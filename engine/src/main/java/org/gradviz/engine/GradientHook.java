package org.gradviz.engine;

/**
 * A hook registered with {@code t.register_hook(fn)}: runs when the gradient for {@code t} has been computed, before
 * it is used, and may replace it.
 */
@FunctionalInterface
public interface GradientHook {

    /** The gradient to use instead of {@code grad}, or null to keep it. */
    Tensor apply(Tensor grad);

    /** What {@code register_hook} returns: {@code handle.remove()} unregisters the hook. */
    interface Handle {
        void remove();
    }
}
