package org.gradviz.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one {@code backward()} call, kept apart from the graph as in PyTorch's engine: how many
 * edges still lead into each node, the gradients summed so far for each node's outputs, and the ready
 * queue. Ready nodes run latest-created first ({@link Node#sequenceNr()}), AccumulateGrad before all, and nodes
 * of equal number in the order of PyTorch's heap ({@link ReadyQueue}).
 *
 * <p>As in PyTorch 1.13's {@code Engine::execute} for one root: the root's node is the first task, with the seed in
 * its input buffer; a node becomes ready, and is pushed, when the last edge leading into it has delivered (its
 * dependency count reaches 0), in the order of the running node's {@code next_functions}. A node whose inputs
 * received no gradient still runs and passes "no gradient" on, so the nodes after it still become ready.
 */
final class GraphTask {
    /** The nodes a map is first sized for: a training step's graph has about this many; maps grow past it. */
    private static final int EXPECTED_NODES = 8;
    private final boolean keepGraph;
    private final boolean createGraph;
    /**
     * For {@code autograd.grad}: where each input's gradient is read (node, input number, result slot); empty for
     * {@code backward()}.
     */
    private Map<Node, List<int[]>> captures = Map.of();
    private Tensor[] captured;
    /** For {@code autograd.grad}: the nodes that lead to a captured gradient; null when every node runs. */
    private Map<Node, Boolean> needed;
    /** For {@code autograd.grad}: each node's predecessors; null for {@code backward()}. */
    private Map<Node, List<Node>> predecessors;
    private final Map<Node, Integer> dependencies = new IdentityHashMap<>(EXPECTED_NODES);
    private final Map<Node, Tensor[]> inputBuffers = new IdentityHashMap<>(EXPECTED_NODES);
    private final ReadyQueue<Node> ready = new ReadyQueue<>(Node::sequenceNr);
    /** The gradients only this pass holds; null when it does not count them (create_graph, or a listener). */
    private final FinishedGradients finished;

    GraphTask(boolean keepGraph) {
        this(keepGraph, false);
    }

    /** With {@code createGraph}, the chain rules run in grad mode, so the gradients they compute record a graph. */
    GraphTask(boolean keepGraph, boolean createGraph) {
        this.keepGraph = keepGraph;
        this.createGraph = createGraph;
        this.finished = createGraph || Autograd.hasListeners() ? null : new FinishedGradients();
    }

    /**
     * {@code torch.autograd.grad}: runs only the nodes that lead to {@code inputs} and returns the gradient that
     * reaches each (null where none does), without writing any {@code .grad}.
     */
    Tensor[] grad(Edge root, Tensor seed, List<Edge> inputs) {
        captured = new Tensor[inputs.size()];
        captures = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Edge e = inputs.get(i);
            captures.computeIfAbsent(e.function(), n -> new ArrayList<>()).add(new int[] {e.inputNr(), i});
        }
        needed = new IdentityHashMap<>();
        predecessors = new IdentityHashMap<>();
        execute(root, seed);
        return captured;
    }

    /** Runs the backward pass from {@code root} with the gradient {@code seed} for it. */
    void execute(Edge root, Tensor seed) {
        computeDependencies(root.function());
        if (needed != null) {
            markNeeded();
        }
        accumulateInput(root, seed);
        ready.push(root.function());
        try (var g = createGraph ? GradMode.enabled() : GradMode.disabled()) {
            while (!ready.isEmpty()) {
                Node node = ready.pop();
                Tensor[] gradOutputs = inputBuffers.remove(node);
                List<int[]> reads = captures.get(node);
                if (reads != null) {
                    for (int[] read : reads) {
                        captured[read[1]] = gradOutputs[read[0]];
                        if (finished != null) {
                            finished.escape(captured[read[1]]);
                        }
                    }
                }
                if (needed == null || needed.containsKey(node)) {
                    evaluate(node, gradOutputs);
                }
            }
        }
    }

    /** Every node from which a captured node can be reached: the predecessors of captured nodes, transitively. */
    private void markNeeded() {
        List<Node> stack = new ArrayList<>(captures.keySet());
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            for (Node p : predecessors.getOrDefault(node, List.of())) {
                if (needed.putIfAbsent(p, Boolean.TRUE) == null) {
                    stack.add(p);
                }
            }
        }
    }

    private void computeDependencies(Node root) {
        List<Node> stack = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>(EXPECTED_NODES);
        stack.add(root);
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            for (Edge e : node.nextFunctions()) {
                if (e.isValid()) {
                    dependencies.merge(e.function(), 1, Integer::sum);
                    if (needed != null) {
                        predecessors.computeIfAbsent(e.function(), n -> new ArrayList<>(1)).add(node);
                    }
                    if (seen.putIfAbsent(e.function(), Boolean.TRUE) == null) {
                        stack.add(e.function());
                    }
                }
            }
        }
    }

    private void evaluate(Node node, Tensor[] gradOutputs) {
        if (finished != null && node.hasPreHooks()) {
            finished.escape(gradOutputs);
        }
        node.runPreHooks(gradOutputs);
        Autograd.fireNodeStarted(node, gradOutputs);
        Tensor[] gradInputs = allNull(gradOutputs) && !(node instanceof AccumulateGrad)
                ? new Tensor[node.nextFunctions().size()]
                : createGraph ? applyRecording(node, gradOutputs)
                : Autograd.plainChainRule(() -> node.apply(gradOutputs));
        AnomalyMode.check(node, gradInputs);
        if (!keepGraph) {
            node.release();
        }
        if (finished != null) {
            finished.made(node, gradOutputs, gradInputs);
        }
        List<Edge> next = node.nextFunctions();
        for (int i = 0; i < next.size(); i++) {
            Edge edge = next.get(i);
            if (!edge.isValid()) {
                continue;
            }
            Tensor grad = i < gradInputs.length ? gradInputs[i] : null;
            if (grad != null) {
                Autograd.fireGradientSent(node, i, edge, grad);
            }
            accumulateInput(edge, grad);
            int remaining = dependencies.merge(edge.function(), -1, Integer::sum);
            if (remaining == 0) {
                ready.push(edge.function());
            }
        }
        if (finished != null) {
            finished.consumed(gradOutputs);
        }
    }

    /**
     * The chain rule of {@code node} under {@code create_graph}: its recorded form, or its plain one when nothing it
     * reads requires grad (the gradients are then constants, as PyTorch would also find).
     */
    private static Tensor[] applyRecording(Node node, Tensor[] gradOutputs) {
        Tensor[] recorded = node.applyDifferentiable(gradOutputs);
        if (recorded != null) {
            return recorded;
        }
        boolean differentiable = node.savesTensorRequiringGrad();
        for (Tensor g : gradOutputs) {
            differentiable |= g != null && g.requiresGrad();
        }
        if (differentiable) {
            throw new NotSupportedException("'create_graph=True' through " + node.name());
        }
        return Autograd.plainChainRule(() -> node.apply(gradOutputs));
    }

    /** Sums a gradient arriving along {@code edge} into the buffer of the node it leads to. */
    private void accumulateInput(Edge edge, Tensor grad) {
        Tensor[] buffer = inputBuffers.computeIfAbsent(edge.function(), n -> new Tensor[n.numOutputs()]);
        if (grad == null) {
            return;
        }
        if (finished != null) {
            finished.delivered(grad);
        }
        Tensor old = buffer[edge.inputNr()];
        buffer[edge.inputNr()] = old == null ? grad : createGraph ? old.add(grad) : old.plainAdd(grad);
        if (old != null && finished != null) {
            finished.consumed(old, grad);
        }
    }

    private static boolean allNull(Tensor[] values) {
        for (Tensor t : values) {
            if (t != null) {
                return false;
            }
        }
        return true;
    }
}
