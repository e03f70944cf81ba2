package org.gradviz.app.editor.panels;

import java.util.function.Function;
import org.gradviz.app.bridge.PyTorchCodeWriter;
import org.gradviz.app.editor.GraphState;

/** The PyTorch cell equivalent to the graph on the canvas, or why there is none yet. */
public final class GeneratedCode implements Function<GraphState, String> {
    private final PyTorchCodeWriter writer = new PyTorchCodeWriter();

    @Override
    public String apply(GraphState state) {
        if (state.document().nodes().isEmpty()) {
            return "# Add ops to the graph: its PyTorch code appears here.";
        }
        if (state.elements().values().stream().anyMatch(e -> e.error() != null || e.shape() == null)) {
            return "# The graph is not complete yet: connect every input and fix the red boxes,\n"
                    + "# then its PyTorch code appears here.";
        }
        try {
            return writer.write(state.document());
        } catch (RuntimeException e) {
            return "# No PyTorch code for this graph: " + e.getMessage();
        }
    }
}
