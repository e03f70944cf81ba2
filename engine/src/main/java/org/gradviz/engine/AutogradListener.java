package org.gradviz.engine;

import java.util.List;

/**
 * What the engine reports, in the order it really does it. The app animates these events; it never
 * recomputes the chain rule itself. All methods have empty defaults.
 */
public interface AutogradListener {
    /** An op ran forward: {@code op} is its torch name (e.g. {@code matmul}), {@code node} its grad_fn or null. */
    default void opExecuted(String op, List<Tensor> inputs, Tensor output, Node node) {
    }

    /** {@code backward()} starts from {@code root} with the seed gradient. */
    default void backwardStarted(Tensor root, Tensor seedGradient) {
    }

    /** A backward node is about to run with the summed gradients of its outputs. */
    default void nodeStarted(Node node, List<Tensor> gradOutputs) {
    }

    /**
     * A node sent a gradient along its next edge number {@code inputIndex} (its place in
     * {@code next_functions}), which leads to {@code to}.
     */
    default void gradientSent(Node from, int inputIndex, Edge to, Tensor gradient) {
    }

    /** {@code .grad} of a non-leaf that retains its gradient changed from {@code before} (null if unset). */
    default void retainedGradUpdated(Tensor tensor, Tensor before, Tensor after) {
    }

    /** {@code .grad} of a leaf changed from {@code before} (null if unset) to {@code after}. */
    default void gradientAccumulated(Tensor leaf, Tensor before, Tensor after) {
    }

    /** The backward pass ended: normally ({@code error} null) or by the error the caller will see. */
    default void backwardFinished(Tensor root, RuntimeException error) {
    }
}
