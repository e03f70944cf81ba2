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
     * (as {@code retain_graph=True}). An output of more than one number gets a gradient of ones, as
     * {@code out.backward(torch.ones_like(out))}.
     */
    public void backward() {
        Tensor out = output();
        try {
            out.backward(out.numel() == 1 ? null : org.gradviz.engine.Torch.onesLike(out), true);
        } catch (RuntimeException e) {
            throw new DocumentException("backward from \"" + outputName + "\": " + e.getMessage(), e);
        }
    }
}
