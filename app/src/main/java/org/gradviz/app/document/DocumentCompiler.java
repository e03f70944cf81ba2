package org.gradviz.app.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a validated document forward on the engine: sources first (document order, so randn draws repeat),
 * then nodes in topological order, ties broken by document order. Engine errors come back with the node's
 * place ({@code nodes[1] "xw": matmul: shapes (5) and (4, 3) cannot be multiplied}).
 */
public final class DocumentCompiler {

    public CompiledDocument compile(GraphDocument document) {
        Map<String, org.gradviz.engine.Tensor> values = new LinkedHashMap<>();
        TensorFactory factory = new TensorFactory(document.seed());
        for (int i = 0; i < document.tensors().size(); i++) {
            TensorSource source = document.tensors().get(i);
            try {
                values.put(source.name(), factory.create(source));
            } catch (RuntimeException e) {
                throw new DocumentException("tensors[" + i + "] \"" + source.name() + "\": " + e.getMessage(), e);
            }
        }
        List<Integer> order = topologicalOrder(document);
        for (int i : order) {
            OpNode node = document.nodes().get(i);
            Map<String, org.gradviz.engine.Tensor> inputs = new HashMap<>();
            for (Connection e : document.edgesInto(node.name())) {
                inputs.put(e.port(), values.get(e.from()));
            }
            try {
                org.gradviz.engine.Tensor out = OpEvaluator.apply(node, inputs);
                if (!out.isLeaf()) {
                    out.retainGrad(); // so views can show every named value's gradient, not only the leaves'
                }
                values.put(node.name(), out);
            } catch (DocumentException e) {
                throw new DocumentException("nodes[" + i + "] \"" + node.name() + "\": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new DocumentException("nodes[" + i + "] \"" + node.name() + "\": " + node.op().id() + ": "
                        + e.getMessage(), e);
            }
        }
        return new CompiledDocument(document, values, outputName(document, order));
    }

    /** The document's output, else the node named {@code loss}, else the last node run. */
    static String outputName(GraphDocument document, List<Integer> order) {
        if (document.output() != null) {
            return document.output();
        }
        if (document.node("loss").isPresent()) {
            return "loss";
        }
        if (order.isEmpty()) {
            throw new DocumentException("the document has no nodes, so nothing to compute");
        }
        return document.nodes().get(order.get(order.size() - 1)).name();
    }

    /**
     * The order the compiler runs the nodes in, as indices into {@code document.nodes()}: Kahn's algorithm, a
     * ready node with a smaller index goes first.
     */
    public static List<Integer> topologicalOrder(GraphDocument document) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < document.nodes().size(); i++) {
            index.put(document.nodes().get(i).name(), i);
        }
        int[] pending = new int[document.nodes().size()];
        Map<Integer, List<Integer>> successors = new HashMap<>();
        for (Connection e : document.edges()) {
            Integer from = index.get(e.from());
            int to = index.get(e.to());
            if (from != null) {
                pending[to]++;
                successors.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int at = ready.poll();
            order.add(at);
            for (int next : successors.getOrDefault(at, List.of())) {
                if (--pending[next] == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }
}
