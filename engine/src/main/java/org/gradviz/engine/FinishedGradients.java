package org.gradviz.engine;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The float32 gradients of one backward pass that only the pass holds, and when each is finished with, as torch frees
 * a gradient once the last node that reads it has run. An array that a node's own chain rule made (not one it was
 * given) is counted once per input buffer it is delivered to, and once less per node that has run on it; at zero
 * nothing can read it any more, and it becomes a spare for this thread's next result of its length
 * ({@link SpareFloats}).
 *
 * <p>Only nodes that say their chain rule keeps no gradient and makes only fresh or given arrays
 * ({@link FreshOrGivenGradients}) have their arrays counted. An array something else may read from now
 * on is never given back: one a hook sees, one a node without that promise runs on (a custom function's Python
 * code), one {@code autograd.grad} returns. The engine does not count at all under {@code create_graph} (gradients
 * join a graph) or while a listener hears the pass (it may keep them).
 */
final class FinishedGradients {
    /** Per counted array: the deliveries not yet run on; made with the first array worth counting. */
    private Map<float[], int[]> pending;
    /** Arrays that are never to be counted again in this pass; made with the first. */
    private Map<float[], Boolean> escaped;

    /** After {@code node} ran on {@code given} and returned {@code made}: counts the arrays its chain rule made. */
    void made(Node node, Tensor[] given, Tensor[] made) {
        if (!(node instanceof FreshOrGivenGradients)) {
            escape(given);
            return;
        }
        for (Tensor t : made) {
            float[] array = arrayOf(t);
            if (array != null && (pending == null || !pending.containsKey(array))
                    && (escaped == null || !escaped.containsKey(array)) && !isArrayOfOne(array, given)) {
                if (pending == null) {
                    pending = new IdentityHashMap<>(4);
                }
                pending.put(array, new int[1]);
            }
        }
    }

    /** {@code grad} went into an input buffer. */
    void delivered(Tensor grad) {
        int[] count = pending == null ? null : pending.get(arrayOf(grad));
        if (count != null) {
            count[0]++;
        }
    }

    /** A node ran on {@code grads} (or a buffer summed them): gives back the arrays nothing else will read. */
    void consumed(Tensor... grads) {
        if (pending == null) {
            return;
        }
        for (Tensor t : grads) {
            float[] array = arrayOf(t);
            int[] count = array == null ? null : pending.get(array);
            if (count != null && --count[0] == 0) {
                pending.remove(array);
                SpareFloats.give(array);
            }
        }
    }

    /** {@code grads} may be read after this pass: their arrays are never given back. */
    void escape(Tensor... grads) {
        for (Tensor t : grads) {
            float[] array = arrayOf(t);
            if (array != null) {
                if (pending != null) {
                    pending.remove(array);
                }
                if (escaped == null) {
                    escaped = new IdentityHashMap<>(2);
                }
                escaped.put(array, Boolean.TRUE);
            }
        }
    }

    private static boolean isArrayOfOne(float[] array, Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (arrayOf(t) == array) {
                return true;
            }
        }
        return false;
    }

    /** The array of a float32 gradient long enough to be kept as a spare ({@link SpareFloats#isWorthKeeping}). */
    private static float[] arrayOf(Tensor t) {
        float[] array = t == null ? null : t.sharedFloats();
        return array != null && SpareFloats.isWorthKeeping(array.length) ? array : null;
    }
}
