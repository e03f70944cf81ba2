package org.gradviz.app.editor;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.BoxValues;
import org.gradviz.app.animation.RevealMask;
import org.gradviz.engine.Tensor;

/** The document and, for every element, what the canvas shows of it; made anew after every change. */
public record GraphState(GraphDocument document, Map<String, ElementState> elements) {

    public GraphState {
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    public Optional<ElementState> element(String name) {
        return Optional.ofNullable(elements.get(name));
    }

    /**
     * Combines the preview (shapes, errors) with what the boxes show at this moment ({@code board}: the
     * session's tensors, or an earlier moment of the animation).
     */
    static GraphState of(GraphDocument document, Evaluation preview, Board board) {
        return of(document, preview, board, RevealMask.NONE);
    }

    /** The state with {@code board}'s values, those {@code hidden} keeps back marked so. */
    static GraphState of(GraphDocument document, Evaluation preview, Board board, RevealMask hidden) {
        Set<String> gradExpected = requiringGrad(document);
        Map<String, ElementState> elements = new LinkedHashMap<>();
        document.tensors().forEach(t -> elements.put(t.name(), state(t.name(), preview, board, gradExpected, hidden)));
        document.nodes().forEach(n -> elements.put(n.name(), state(n.name(), preview, board, gradExpected, hidden)));
        return new GraphState(document, elements);
    }

    private static ElementState state(String name, Evaluation preview, Board board, Set<String> gradExpected,
            RevealMask hidden) {
        Tensor shown = preview.value(name).orElse(null);
        BoxValues box = board.box(name).orElse(BoxValues.of(null, null));
        return new ElementState(name, shown == null ? null : shown.size(), box.value(), box.grad(),
                preview.error(name).orElse(null), gradExpected.contains(name), box.valueStale(), box.gradStale(),
                hidden.hidesValue(name), hidden.hidesGrad(name));
    }

    /** The sources that require grad and every op fed (directly or not) by one, except through detach. */
    static Set<String> requiringGrad(GraphDocument document) {
        Set<String> requiring = new HashSet<>();
        document.tensors().stream().filter(TensorSource::requiresGrad).forEach(t -> requiring.add(t.name()));
        for (int i : DocumentCompiler.topologicalOrder(document)) {
            OpNode node = document.nodes().get(i);
            if (node.op() != OpKind.DETACH
                    && document.edgesInto(node.name()).stream().anyMatch(e -> requiring.contains(e.from()))) {
                requiring.add(node.name());
            }
        }
        return requiring;
    }
}
