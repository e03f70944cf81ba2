package org.gradviz.app.editor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.engine.Tensor;

/** The document and, for every element, what the canvas shows of it; made anew after every change. */
public record GraphState(GraphDocument document, Map<String, ElementState> elements) {

    public GraphState {
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    public Optional<ElementState> element(String name) {
        return Optional.ofNullable(elements.get(name));
    }

    /** Combines the preview (shapes, errors) with the session's live tensors (values, gradients). */
    static GraphState of(GraphDocument document, RunSession session) {
        Evaluation preview = session.preview();
        Map<String, ElementState> elements = new LinkedHashMap<>();
        document.tensors().forEach(t -> elements.put(t.name(), state(t.name(), preview, session)));
        document.nodes().forEach(n -> elements.put(n.name(), state(n.name(), preview, session)));
        return new GraphState(document, elements);
    }

    private static ElementState state(String name, Evaluation preview, RunSession session) {
        Tensor shown = preview.value(name).orElse(null);
        Tensor live = session.tensor(name).orElse(null);
        return new ElementState(name, shown == null ? null : shown.size(), live,
                live == null ? null : live.gradOrNull(), preview.error(name).orElse(null));
    }
}
