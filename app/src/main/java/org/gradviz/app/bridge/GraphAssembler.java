package org.gradviz.app.bridge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;

/**
 * Turns a trace into the document of one output's graph: every tensor the output depends on, in the order the
 * cell made them; leaves become tensor sources, ops become nodes; anything a document cannot hold is a problem
 * at its line, and any problem means no document.
 */
final class GraphAssembler {
    private final CallTrace trace;
    private final List<ImportProblem> problems = new ArrayList<>();

    GraphAssembler(CallTrace trace) {
        this.trace = trace;
    }

    /** The document of {@code output}'s graph, or null with {@link #problems()} saying why not. */
    GraphDocument assemble(Tensor output, String title) {
        List<TracedTensor> graph = reachable(output);
        if (!problems.isEmpty()) {
            return null;
        }
        graph.sort(Comparator.comparingInt(t -> trace.sequence(t.tensor())));
        Map<Tensor, String> names = TensorNames.assign(graph, trace);
        List<TracedTensor.Leaf> leaves = graph.stream().filter(TracedTensor.Leaf.class::isInstance)
                .map(TracedTensor.Leaf.class::cast).toList();
        List<Tensor> randn = leaves.stream().filter(l -> l.init() instanceof Initializer.Randn)
                .map(TracedTensor.Leaf::tensor).toList();
        Long seed = RandnSeeding.seed(randn, trace.randomEvents());
        List<TensorSource> tensors = leaves.stream()
                .map(l -> source(l, names.get(l.tensor()), seed != null || randn.isEmpty())).toList();
        List<OpNode> nodes = new ArrayList<>();
        List<Connection> edges = new ArrayList<>();
        for (TracedTensor t : graph) {
            if (t instanceof TracedTensor.Op op) {
                String name = names.get(op.tensor());
                nodes.add(named(op.node(), name, trace.name(op.tensor()) != null));
                op.inputs().forEach((port, input) -> edges.add(new Connection(names.get(input), name, port)));
            }
        }
        String outputName = names.get(output);
        GraphDocument unplaced = new GraphDocument(GraphDocument.CURRENT_VERSION, title, seed, tensors, nodes, edges,
                outputName, null, null);
        return new GraphDocument(GraphDocument.CURRENT_VERSION, title, seed, tensors, nodes, edges, outputName,
                LayeredLayout.positions(unplaced), null);
    }

    /** What went wrong, in line order, without repeats. */
    List<ImportProblem> problems() {
        return problems;
    }

    /**
     * The traced tensors {@code output} depends on; each untraceable one becomes a problem, except under a constant
     * that stands in for it ({@link #constantsOverProblems}).
     */
    private List<TracedTensor> reachable(Tensor output) {
        Map<Tensor, TracedTensor> cut = constantsOverProblems(output);
        Map<Tensor, TracedTensor> seen = new IdentityHashMap<>();
        TreeSet<ImportProblem> found = new TreeSet<>(Comparator.comparingInt(ImportProblem::line)
                .thenComparing(ImportProblem::message));
        Deque<Tensor> todo = new ArrayDeque<>(List.of(output));
        while (!todo.isEmpty()) {
            Tensor t = todo.pop();
            if (seen.containsKey(t)) {
                continue;
            }
            TracedTensor traced = cut.containsKey(t) ? cut.get(t) : trace.origin(t);
            seen.put(t, traced);
            if (traced instanceof TracedTensor.Unsupported u) {
                found.add(new ImportProblem(u.line(), 0, u.why()));
            } else if (traced instanceof TracedTensor.Op op) {
                op.inputs().forEach((port, input) -> {
                    if (trace.origin(input) == null) {
                        found.add(new ImportProblem(op.line(), 0, "input \"" + port + "\" of " + op.function()
                                + " is a tensor made outside anything gradviz can trace (such as .grad, an "
                                + "optimizer or a tensor from before the cell); make it with a torch factory"));
                    } else {
                        todo.push(input);
                    }
                });
            }
        }
        problems.addAll(found);
        return new ArrayList<>(seen.values().stream().filter(java.util.Objects::nonNull).toList());
    }

    /**
     * The constants (no grad_fn, no grad required, floating point, made from no tensor requiring grad) that the
     * output's graph uses and that were made with something a document has no node for, each as a source of its
     * numbers: what the cell prepared outside autograd ({@code xx = x.unsqueeze(-1).pow(p)} in the polynomial
     * tutorials) is, to autograd, data. Only the topmost are reached by the walk; empty when nothing is refused.
     */
    private Map<Tensor, TracedTensor> constantsOverProblems(Tensor output) {
        // 1. every tensor the output depends on, who uses each, and which are refused
        Map<Tensor, List<Tensor>> users = new IdentityHashMap<>();
        List<Tensor> refused = new ArrayList<>();
        List<Tensor> needingGrad = new ArrayList<>();
        Deque<Tensor> todo = new ArrayDeque<>(List.of(output));
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        while (!todo.isEmpty()) {
            Tensor t = todo.pop();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (t.requiresGrad()) {
                needingGrad.add(t);
            }
            TracedTensor traced = trace.origin(t);
            if (traced instanceof TracedTensor.Unsupported u) {
                refused.add(t);
                // NOTE: followed only to see whether it used a tensor requiring grad (w.grad, no_grad blocks)
                for (Tensor input : u.inputs()) {
                    users.computeIfAbsent(input, k -> new ArrayList<>()).add(t);
                    todo.push(input);
                }
            } else if (traced instanceof TracedTensor.Op op) {
                for (Tensor input : op.inputs().values()) {
                    if (trace.origin(input) == null) {
                        refused.add(t);
                    } else {
                        users.computeIfAbsent(input, k -> new ArrayList<>()).add(t);
                        todo.push(input);
                    }
                }
            }
        }
        if (refused.isEmpty()) {
            return Map.of();
        }
        // 2. what lies over a refusal, and what lies over a tensor that requires grad
        Map<Tensor, Boolean> overRefusal = above(refused, users);
        Map<Tensor, Boolean> overGrad = above(needingGrad, users);
        Map<Tensor, TracedTensor> cut = new IdentityHashMap<>();
        for (Tensor t : overRefusal.keySet()) {
            if (t.gradFn() == null && !t.requiresGrad() && !overGrad.containsKey(t) && t.dtype().isFloatingPoint()) {
                TracedTensor traced = trace.origin(t);
                cut.put(t, new TracedTensor.Leaf(t, traced.line(), traced.function(),
                        new Initializer.Values(values(t)), null));
            }
        }
        return cut;
    }

    /** {@code from} and every tensor that uses one of them, directly or not. */
    private static Map<Tensor, Boolean> above(List<Tensor> from, Map<Tensor, List<Tensor>> users) {
        Map<Tensor, Boolean> out = new IdentityHashMap<>();
        Deque<Tensor> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            Tensor t = todo.pop();
            if (out.put(t, Boolean.TRUE) == null) {
                todo.addAll(users.getOrDefault(t, List.of()));
            }
        }
        return out;
    }

    private static List<Double> values(Tensor t) {
        List<Double> out = new ArrayList<>(t.numel());
        for (double v : t.data()) {
            out.add(v);
        }
        return out;
    }

    private static TensorSource source(TracedTensor.Leaf leaf, String name, boolean randnRedraws) {
        Tensor t = leaf.tensor();
        Initializer init = leaf.init() instanceof Initializer.Randn && !randnRedraws
                ? new Initializer.Values(leaf.drawn()) : leaf.changedInput() ? new Initializer.Values(values(t))
                : leaf.init();
        List<Integer> shape = java.util.Arrays.stream(t.size()).boxed().toList();
        String dtype = t.dtype() == DType.FLOAT32 ? null : t.dtype().shortName();
        return new TensorSource(name, t.requiresGrad() ? TensorRole.PARAMETER : TensorRole.INPUT, shape, dtype,
                t.requiresGrad(), init);
    }

    /** The node with its name; an intermediate the cell did not name hides its value, as {@code xw} does. */
    private static OpNode named(OpNode n, String name, boolean assigned) {
        return new OpNode(name, n.op(), n.reduction(), n.dim(), n.keepdim(), n.startDim(), n.endDim(),
                n.shape(), n.min(), n.max(), n.exponent(), n.scalar(), assigned ? null : Boolean.FALSE);
    }
}
