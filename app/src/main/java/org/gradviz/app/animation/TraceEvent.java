package org.gradviz.app.animation;

import java.util.List;
import java.util.Map;

/**
 * One step the engine really took, recorded as values: the app's only source for showing forward and
 * backward. Nodes and tensors are numbered by the recording in order of first appearance; names are
 * PyTorch's ({@code AddBackward0}) and the variables' ({@code w}).
 */
public sealed interface TraceEvent {

    /** An op ran forward; {@code nodeId} is its grad_fn's number, or -1 when it recorded none. */
    record OpExecuted(String op, int nodeId, String gradFn, List<Integer> inputTensorIds, int outputTensorId,
            TensorValue output, int line) implements TraceEvent {
        public OpExecuted {
            inputTensorIds = List.copyOf(inputTensorIds);
        }
    }

    /** {@code root.backward()} started with {@code seed}; {@code rootName} is the root's variable or null. */
    record BackwardStarted(int rootTensorId, String rootName, TensorValue seed, int line) implements TraceEvent {
    }

    /**
     * A backward node starts with the summed gradients of its outputs ({@code gradsIn}, an element null where
     * none arrived) and what it saved for its chain rule, as it was at that moment ({@link SavedValue}).
     * {@code variable} names the leaf of an {@code AccumulateGrad}, else null.
     */
    record NodeStarted(int nodeId, String name, String variable, List<TensorValue> gradsIn,
            Map<String, SavedValue> saved) implements TraceEvent {
        public NodeStarted {
            gradsIn = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(gradsIn));
            saved = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(saved));
        }
    }

    /** Node {@code fromId} sent {@code grad} along its next edge number {@code inputIndex}, to {@code toId}. */
    record GradientSent(int fromId, String fromName, int inputIndex, int toId, String toName, TensorValue grad)
            implements TraceEvent {
    }

    /** The retained {@code .grad} of a non-leaf tensor changed ({@code before} null when it was unset). */
    record RetainedGradUpdated(int tensorId, TensorValue before, TensorValue after) implements TraceEvent {
    }

    /** {@code AccumulateGrad} {@code nodeId} wrote {@code .grad} of its leaf: {@code before} (null if unset). */
    record GradAccumulated(int nodeId, int leafTensorId, String variable, TensorValue before, TensorValue after)
            implements TraceEvent {
    }

    /** The backward pass ended; {@code error} is PyTorch's last line when it failed, else null. */
    record BackwardFinished(String error) implements TraceEvent {
    }

    /**
     * A command outside autograd changed a leaf: {@code optimizer.step()} its data, {@code zero_grad()} its grad.
     */
    record LeafUpdated(int tensorId, String variable, LeafField field, TensorValue before, TensorValue after)
            implements TraceEvent {
    }

    /** What {@link LeafUpdated} changed. */
    enum LeafField { DATA, GRAD }
}
