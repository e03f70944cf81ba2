package org.gradviz.app.animation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every box of the network view shows at one moment of a recording, by element name. A recording's
 * board at step k is its board before, with its first k events applied: the engine's state at that moment,
 * never recomputed.
 */
public record Board(Map<String, BoxValues> boxes) {

    public static final Board EMPTY = new Board(Map.of());

    public Board {
        boxes = Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
    }

    public Optional<BoxValues> box(String element) {
        return Optional.ofNullable(boxes.get(element));
    }

    /** The board after {@code event}; {@code elements} says which box each tensor and node is. */
    public Board apply(TraceEvent event, ElementMap elements) {
        if (event instanceof TraceEvent.OpExecuted op) {
            return elements.elementOfTensor(op.outputTensorId())
                    .map(name -> with(name, BoxValues.of(op.output(), null))).orElse(this);
        }
        if (event instanceof TraceEvent.RetainedGradUpdated r) {
            return gradOf(elements.elementOfTensor(r.tensorId()), r.after());
        }
        if (event instanceof TraceEvent.GradAccumulated a) {
            return gradOf(elements.elementOfTensor(a.leafTensorId()), a.after());
        }
        if (event instanceof TraceEvent.LeafUpdated u) {
            return leafUpdated(u, elements);
        }
        return this; // the other events move gradients between nodes, not onto boxes
    }

    private Board gradOf(Optional<String> element, TensorValue grad) {
        return element.map(name -> with(name, box(name).orElse(BoxValues.of(null, null)).withGrad(grad)))
                .orElse(this);
    }

    /**
     * Step changes a parameter's data: every computed value (and its gradient) now belongs to old parameters.
     * Zero grads changes a parameter's grad: gradients kept on non-leaf boxes are from before.
     */
    private Board leafUpdated(TraceEvent.LeafUpdated u, ElementMap elements) {
        Optional<String> leaf = elements.elementOfTensor(u.tensorId());
        if (leaf.isEmpty()) {
            return this;
        }
        Map<String, BoxValues> next = new LinkedHashMap<>(boxes);
        BoxValues box = box(leaf.get()).orElse(BoxValues.of(null, null));
        next.put(leaf.get(), u.field() == TraceEvent.LeafField.DATA ? box.withValue(u.after()) : box.withGrad(u.after()));
        next.replaceAll((name, values) -> elements.isLeaf(name) ? values
                : u.field() == TraceEvent.LeafField.DATA ? values.staleValue().staleGrad() : values.staleGrad());
        return new Board(next);
    }

    private Board with(String element, BoxValues values) {
        Map<String, BoxValues> next = new LinkedHashMap<>(boxes);
        next.put(element, values);
        return new Board(next);
    }
}
