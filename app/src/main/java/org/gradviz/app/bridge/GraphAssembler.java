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

    /** The traced tensors {@code output} depends on; each untraceable one becomes a problem. */
    private List<TracedTensor> reachable(Tensor output) {
        Map<Tensor, TracedTensor> seen = new IdentityHashMap<>();
        TreeSet<ImportProblem> found = new TreeSet<>(Comparator.comparingInt(ImportProblem::line)
                .thenComparing(ImportProblem::message));
        Deque<Tensor> todo = new ArrayDeque<>(List.of(output));
        while (!todo.isEmpty()) {
            Tensor t = todo.pop();
            if (seen.containsKey(t)) {
                continue;
            }
            TracedTensor traced = trace.origin(t);
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

    private static TensorSource source(TracedTensor.Leaf leaf, String name, boolean randnRedraws) {
        Tensor t = leaf.tensor();
        Initializer init = leaf.init() instanceof Initializer.Randn && !randnRedraws
                ? new Initializer.Values(leaf.drawn()) : leaf.init();
        List<Integer> shape = java.util.Arrays.stream(t.size()).boxed().toList();
        String dtype = t.dtype() == DType.FLOAT32 ? null : t.dtype().shortName();
        return new TensorSource(name, t.requiresGrad() ? TensorRole.PARAMETER : TensorRole.INPUT, shape, dtype,
                t.requiresGrad(), init);
    }

    /** The node with its name; an intermediate the cell did not name hides its value, as {@code xw} does. */
    private static OpNode named(OpNode n, String name, boolean assigned) {
        return new OpNode(name, n.op(), n.reduction(), n.dim(), n.keepdim(), n.min(), n.max(), n.exponent(),
                n.scalar(), assigned ? null : Boolean.FALSE);
    }
}
