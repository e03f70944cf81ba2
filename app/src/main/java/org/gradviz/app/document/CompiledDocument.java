package org.gradviz.app.document;

import java.util.Map;
import org.gradviz.engine.Tensor;

/**
 * A document run forward on the engine: every named tensor (sources and node outputs, in document order)
 * and the chosen output, whose {@code grad_fn} is the autograd graph.
 */
public record CompiledDocument(GraphDocument document, Map<String, Tensor> tensors, String outputName) {

    public CompiledDocument {
        tensors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tensors));
    }

    public Tensor output() {
        return tensors.get(outputName);
    }

    public Tensor tensor(String name) {
        return tensors.get(name);
    }

    /**
     * {@code output.backward()}, keeping the saved tensors so the graph can still be drawn with them
     * (as {@code retain_graph=True}). The output must be a single number.
     */
    public void backward() {
        Tensor out = output();
        try {
            out.backward(null, true);
        } catch (RuntimeException e) {
            throw new DocumentException("backward from \"" + outputName + "\": " + e.getMessage(), e);
        }
    }
}
