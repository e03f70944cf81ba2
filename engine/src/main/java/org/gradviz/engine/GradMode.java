package org.gradviz.engine;

/**
 * Whether operations are recorded for autograd, per thread, like {@code torch.is_grad_enabled()}.
 * <pre>try (var g = GradMode.disabled()) { ... }</pre> is {@code with torch.no_grad():} and restores the
 * previous state when closed.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns recording off until the returned guard is closed. */
    public static Guard disabled() {
        return set(false);
    }

    /** Turns recording on until the returned guard is closed. */
    public static Guard enabled() {
        return set(true);
    }

    /**
     * {@code torch.set_grad_enabled(mode)}: sets the mode now; the returned guard, when closed (at the end of a
     * {@code with} block), puts back the mode that was in force before this call.
     */
    public static Guard setEnabled(boolean enabled) {
        return set(enabled);
    }

    private static Guard set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return new Guard(cell, previous);
    }

    /** Restores the grad mode that was in force before it was opened. */
    public static final class Guard implements AutoCloseable {
        private final boolean[] cell;
        private final boolean previous;

        private Guard(boolean[] cell, boolean previous) {
            this.cell = cell;
            this.previous = previous;
        }

        @Override
        public void close() {
            cell[0] = previous;
        }
    }
}
