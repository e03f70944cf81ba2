package org.gradviz.engine;

/**
 * {@code torch.autograd.set_detect_anomaly(True)}, per thread as {@link GradMode}: while on, a backward fails as soon
 * as a node returns a gradient holding NaN, naming the node and the output.
 */
public final class AnomalyMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {false});

    private AnomalyMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Sets the mode now; closing the returned guard puts back the mode in force before this call. */
    public static Guard set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return new Guard(cell, previous);
    }

    /** torch's engine check after a node ran: {@code Function 'XBackward0' returned nan values in its 0th output.} */
    static void check(Node node, Tensor[] gradInputs) {
        if (!isEnabled()) {
            return;
        }
        for (int i = 0; i < gradInputs.length; i++) {
            Tensor g = gradInputs[i];
            if (g != null && hasNaN(g)) {
                throw TorchException.runtime("Function '" + node.name() + "' returned nan values in its " + i
                        + "th output.");
            }
        }
    }

    private static boolean hasNaN(Tensor t) {
        for (double v : t.data()) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Restores the mode that was in force before it was opened. */
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
