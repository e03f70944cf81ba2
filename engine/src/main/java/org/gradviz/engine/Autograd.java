package org.gradviz.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The one place that decides whether an op is recorded (tinygrad's {@code Function.apply}) and that
 * tells listeners what the engine does.
 */
public final class Autograd {
    private static final List<AutogradListener> LISTENERS = new CopyOnWriteArrayList<>();
    /** How deep this thread is in plain chain rules (see {@link #plainChainRule}). */
    private static final ThreadLocal<int[]> PLAIN_CHAIN_RULES = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile boolean hasListeners;

    private Autograd() {
    }

    /**
     * Ends every op: when grad mode is on and some input requires grad, makes {@code backward.get()} the
     * grad_fn of {@code out} with one next edge per input (a {@code null} input gets an empty edge); then
     * reports the op to listeners. A {@code null} {@code backward} marks an op that never records
     * (comparisons, integer results). Returns {@code out}.
     */
    public static Tensor record(String op, Tensor out, Supplier<? extends Node> backward, Tensor... inputs) {
        return record(op, out, backward, inputs, inputs);
    }

    /**
     * As {@link #record(String, Tensor, Supplier, Tensor...)} for an op whose graph inputs ({@code edges},
     * in its backward's order) differ from the arguments it reports ({@code reported}, in the call's order):
     * {@code linear} records addmm's (bias, input, weightᵀ); {@code a + 2} has no edge for the number.
     */
    public static Tensor record(String op, Tensor out, Supplier<? extends Node> backward, Tensor[] edges,
            Tensor[] reported) {
        if (backward != null && GradMode.isEnabled() && anyRequiresGrad(edges)) {
            attach(backward.get(), out, edges);
        }
        fireOpExecuted(op, out, reported);
        return out;
    }

    /**
     * As {@link #record(String, Tensor, Supplier, Tensor...)} for an op with several outputs ({@code split},
     * {@code unbind}): one node, output i its output number i; each output is reported.
     */
    public static Tensor[] recordOutputs(String op, Tensor[] outs, Supplier<? extends Node> backward,
            Tensor... inputs) {
        if (backward != null && GradMode.isEnabled() && anyRequiresGrad(inputs)) {
            attachOutputs(backward.get(), outs, inputs);
        }
        for (Tensor out : outs) {
            fireOpExecuted(op, out, inputs);
        }
        return outs;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes {@code node} the grad_fn of {@code output}, with one next edge per input in order
     * ({@code null} inputs, e.g. wrapped Python numbers, get an empty edge).
     */
    public static Tensor attach(Node node, Tensor output, Tensor... inputs) {
        List<Edge> edges = new ArrayList<>(inputs.length);
        for (Tensor input : inputs) {
            edges.add(gradientEdge(input));
        }
        node.setNextEdges(edges);
        output.setGradFn(node);
        return output;
    }

    /**
     * Makes {@code node} the grad_fn of every one of {@code outputs} (output i as its output number i), with one next
     * edge per input: a node with several outputs, such as a custom Function returning a tuple.
     */
    public static void attachOutputs(Node node, Tensor[] outputs, Tensor... inputs) {
        List<Edge> edges = new ArrayList<>(inputs.length);
        for (Tensor input : inputs) {
            edges.add(gradientEdge(input));
        }
        node.setNextEdges(edges);
        for (int i = 0; i < outputs.length; i++) {
            outputs[i].setGradFn(node, i);
        }
    }

    /** The edge a gradient for {@code t} travels: its grad_fn, its AccumulateGrad, or nowhere. */
    public static Edge gradientEdge(Tensor t) {
        if (t == null) {
            return Edge.NONE;
        }
        if (t.gradFn() != null) {
            return new Edge(t.gradFn(), t.outputNr());
        }
        if (t.requiresGrad()) {
            return new Edge(t.gradAccumulator(), 0);
        }
        return Edge.NONE;
    }

    public static void addListener(AutogradListener listener) {
        LISTENERS.add(listener);
        hasListeners = true;
    }

    public static void removeListener(AutogradListener listener) {
        LISTENERS.remove(listener);
        hasListeners = !LISTENERS.isEmpty();
    }

    /**
     * Runs a chain rule of a backward without create_graph: the ops it calls (a {@code mul}, a {@code select_backward})
     * are the backward's arithmetic, not the program's, so listeners hear the node, not them.
     */
    static Tensor[] plainChainRule(java.util.function.Supplier<Tensor[]> chainRule) {
        int[] depth = PLAIN_CHAIN_RULES.get();
        depth[0]++;
        try {
            return chainRule.get();
        } finally {
            depth[0]--;
        }
    }

    /**
     * Runs {@code work} (ops used as arithmetic, as a chain rule does) without grad and without reporting its ops:
     * for views that recompute what a backward computed, with the engine's own functions.
     */
    public static Tensor quietly(java.util.function.Supplier<Tensor> work) {
        try (var g = GradMode.disabled()) {
            return plainChainRule(() -> new Tensor[] {work.get()})[0];
        }
    }

    static boolean hasListeners() {
        return hasListeners;
    }

    /** Reports a forward op; cheap when nobody listens. */
    public static void fireOpExecuted(String op, Tensor output, Tensor... inputs) {
        if (hasListeners && PLAIN_CHAIN_RULES.get()[0] == 0) {
            List<Tensor> in = Arrays.asList(inputs);
            for (AutogradListener l : LISTENERS) {
                l.opExecuted(op, in, output, output.gradFn());
            }
        }
    }

    static void fireBackwardStarted(Tensor root, Tensor seed) {
        for (AutogradListener l : LISTENERS) {
            l.backwardStarted(root, seed);
        }
    }

    static void fireNodeStarted(Node node, Tensor[] gradOutputs) {
        if (hasListeners) {
            List<Tensor> grads = Arrays.asList(gradOutputs.clone());
            for (AutogradListener l : LISTENERS) {
                l.nodeStarted(node, grads);
            }
        }
    }

    static void fireGradientSent(Node from, int inputIndex, Edge to, Tensor gradient) {
        if (hasListeners) {
            for (AutogradListener l : LISTENERS) {
                l.gradientSent(from, inputIndex, to, gradient);
            }
        }
    }

    static void fireRetainedGradUpdated(Tensor tensor, Tensor before, Tensor after) {
        if (hasListeners) {
            for (AutogradListener l : LISTENERS) {
                l.retainedGradUpdated(tensor, before, after);
            }
        }
    }

    static void fireAccumulated(Tensor leaf, Tensor before, Tensor after) {
        if (hasListeners) {
            for (AutogradListener l : LISTENERS) {
                l.gradientAccumulated(leaf, before, after);
            }
        }
    }

    static void fireBackwardFinished(Tensor root, RuntimeException error) {
        for (AutogradListener l : LISTENERS) {
            l.backwardFinished(root, error);
        }
    }
}
