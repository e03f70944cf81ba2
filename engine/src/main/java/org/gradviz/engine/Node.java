package org.gradviz.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backward function, the {@code grad_fn} of a tensor: takes the gradients of its outputs and returns
 * the gradients of its inputs, which flow along {@link #nextFunctions()}. Each op defines its node next to
 * its forward, with the chain rule in {@link #apply}.
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long sequenceNr;
    private List<Edge> nextEdges = List.of();
    private final List<Tensor> retainedGrads = new ArrayList<>(0);
    private final List<GradientHook> preHooks = new ArrayList<>(0);
    private final List<Integer> preHookOutputs = new ArrayList<>(0);
    private final List<SavedTensor> savedTensors = new ArrayList<>(2);
    private boolean released;

    protected Node() {
        this.sequenceNr = SEQUENCE.getAndIncrement();
    }

    /** For nodes that must run as soon as they are ready ({@link AccumulateGrad}). */
    protected Node(long sequenceNr) {
        this.sequenceNr = sequenceNr;
    }

    /** PyTorch's class name of this node, e.g. {@code AddBackward0}. */
    public abstract String name();

    /**
     * The chain rule: given the gradient of each output, the gradient of each input (null where
     * {@link #needsInputGrad(int)} is false or the gradient is zero by construction).
     */
    protected abstract Tensor[] apply(Tensor[] gradOutputs);

    /**
     * The chain rule written with recorded ops, for {@code create_graph=True}: the engine calls it in grad mode, so
     * the gradients it returns have a graph of their own (a second derivative can go back through it). Null for a
     * node that has only {@link #apply}.
     */
    protected Tensor[] applyDifferentiable(Tensor[] gradOutputs) {
        return null;
    }

    /** True when a saved tensor requires grad, so the chain rule depends on something differentiable. */
    final boolean savesTensorRequiringGrad() {
        for (SavedTensor s : savedTensors) {
            Tensor t = s.peek();
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** Saved tensors and attributes under PyTorch's names ({@code self}, {@code other}, {@code dim}, ...). */
    protected void collectSaved(Map<String, Object> out) {
    }

    /** How many outputs this node has gradients for (1 for every gradviz op). */
    public int numOutputs() {
        return 1;
    }

    /**
     * True for a node whose outputs are views of its input ({@code split}, {@code unbind}): torch forbids changing
     * such an output in place while grad mode is on.
     */
    protected boolean outputsAreViews() {
        return false;
    }

    /** The edges to the nodes of this node's inputs, in input order, like {@code next_functions}. */
    public List<Edge> nextFunctions() {
        return nextEdges;
    }

    /** Whether input {@code i} needs a gradient at all (its edge leads somewhere). */
    public boolean needsInputGrad(int i) {
        return i < nextEdges.size() && nextEdges.get(i).isValid();
    }

    /** Creation order: later nodes run first when several are ready, as in PyTorch's engine. */
    public long sequenceNr() {
        return sequenceNr;
    }

    /**
     * What this node saved for backward, sorted by name as torchviz lists them. Tensors appear as
     * {@link SavedTensor}; numbers, sizes and {@code null} as values.
     */
    public final Map<String, Object> savedValues() {
        Map<String, Object> out = new TreeMap<>();
        collectSaved(out);
        return Collections.unmodifiableMap(out);
    }

    /** True once a backward without retain_graph has freed the saved tensors. */
    public boolean isReleased() {
        return released;
    }

    void setNextEdges(List<Edge> edges) {
        this.nextEdges = List.copyOf(edges);
    }

    /**
     * {@code t.retain_grad()}: a pre-hook that keeps the gradient of {@code t}'s output as it is at that point of the
     * hook sequence (PyTorch 1.13: hooks registered on the tensor before it have run, later ones have not).
     */
    void retainGradFor(Tensor t) {
        if (!retainedGrads.contains(t)) {
            retainedGrads.add(t);
            addPreHook(t.outputNr(), grad -> {
                t.retainGradient(grad);
                return null;
            });
        }
    }

    GradientHook.Handle addPreHook(int outputNr, GradientHook hook) {
        preHooks.add(hook);
        preHookOutputs.add(outputNr);
        return () -> {
            int at = preHooks.indexOf(hook);
            if (at >= 0) {
                preHooks.remove(at);
                preHookOutputs.remove(at);
            }
        };
    }

    /**
     * Runs the tensor hooks registered on this node's outputs, in registration order: each sees its output's
     * gradient as the previous hook left it and may replace it in {@code grads}.
     */
    final boolean hasPreHooks() {
        return !preHooks.isEmpty();
    }

    void runPreHooks(Tensor[] grads) {
        if (preHooks.isEmpty()) {
            return;
        }
        List<GradientHook> hooks = List.copyOf(preHooks);
        List<Integer> outputs = List.copyOf(preHookOutputs);
        for (int i = 0; i < hooks.size(); i++) {
            int k = outputs.get(i);
            if (grads[k] != null) {
                Tensor replaced = hooks.get(i).apply(grads[k]);
                if (replaced != null) {
                    grads[k] = replaced;
                }
            }
        }
    }

    /** Keeps an input tensor for the chain rule, freed after a backward without retain_graph. */
    protected final SavedTensor save(Tensor t) {
        SavedTensor s = SavedTensor.of(t);
        savedTensors.add(s);
        return s;
    }

    /** Keeps this node's own output for the chain rule. */
    protected final SavedTensor saveOutput(Tensor t) {
        SavedTensor s = SavedTensor.ofOutput(t, this);
        savedTensors.add(s);
        return s;
    }

    /** Before {@code t} is overwritten in place with this node's output: its saved inputs that are t, copied. */
    final void snapshotSavedInputs(Tensor t) {
        for (SavedTensor s : savedTensors) {
            s.snapshotIf(t);
        }
    }

    final void release() {
        released = true;
        for (SavedTensor s : savedTensors) {
            s.release();
        }
    }

    /** {@code <AddBackward0 object at 0x7f5c1a2b3c40>}, as Python prints a node. */
    @Override
    public String toString() {
        return "<" + name() + " object at " + address() + ">";
    }

    /** A stable pseudo-address for this node, shaped like CPython's. */
    public String address() {
        return String.format("0x7f%010x", (System.identityHashCode(this) & 0xffffffffL) << 4);
    }
}
