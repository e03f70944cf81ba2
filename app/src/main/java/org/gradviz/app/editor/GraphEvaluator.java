package org.gradviz.app.editor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpEvaluator;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorFactory;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;

/**
 * Runs as much of a graph as can run: sources, then every op whose inputs have values, in the compiler's
 * topological order. Unlike {@link DocumentCompiler} it never stops at the first problem: an op the
 * engine refuses gets its message, and what depends on it stays incomplete. The engine records the
 * autograd graph as it goes, unless grad mode is off.
 */
public final class GraphEvaluator {
    private GraphEvaluator() {
    }

    /** Makes every source from its initialiser; a source the factory refuses gets its message. */
    public static Evaluation makeLeaves(GraphDocument doc) {
        Map<String, Tensor> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        TensorFactory factory = new TensorFactory(doc.seed() == null ? 0L : doc.seed());
        for (TensorSource source : doc.tensors()) {
            try {
                values.put(source.name(), factory.create(source));
            } catch (RuntimeException e) {
                errors.put(source.name(), message(e));
            }
        }
        return new Evaluation(values, errors);
    }

    /**
     * Runs the ops on {@code leaves} (kept as they are: the caller owns them). With {@code recordGraph}
     * the ops record grad_fns and keep their gradients ({@code retain_grad()}) so every box can show one.
     */
    public static Evaluation run(GraphDocument doc, Evaluation leaves, boolean recordGraph) {
        Map<String, Tensor> values = new LinkedHashMap<>(leaves.values());
        Map<String, String> errors = new LinkedHashMap<>(leaves.errors());
        try (var mode = recordGraph ? GradMode.enabled() : GradMode.disabled()) {
            for (int i : DocumentCompiler.topologicalOrder(doc)) {
                OpNode node = doc.nodes().get(i);
                Map<String, Tensor> inputs = inputs(doc, node, values);
                if (inputs == null) {
                    continue;
                }
                try {
                    Tensor out = OpEvaluator.apply(node, inputs);
                    if (recordGraph && out.requiresGrad() && !out.isLeaf()) {
                        out.retainGrad();
                    }
                    values.put(node.name(), out);
                } catch (DocumentException e) {
                    errors.put(node.name(), e.getMessage());
                } catch (RuntimeException e) {
                    errors.put(node.name(), node.op().id() + ": " + message(e));
                }
            }
        }
        return new Evaluation(values, errors);
    }

    /** The inputs by port, or null while a required one is unconnected or has no value. */
    private static Map<String, Tensor> inputs(GraphDocument doc, OpNode node, Map<String, Tensor> values) {
        Map<String, Tensor> inputs = new HashMap<>();
        for (Connection e : doc.edgesInto(node.name())) {
            Tensor value = values.get(e.from());
            if (value == null) {
                return null;
            }
            inputs.put(e.port(), value);
        }
        for (String port : node.op().ports()) {
            if (node.op().requires(port, node) && !inputs.containsKey(port)) {
                return null;
            }
        }
        return inputs;
    }

    static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
