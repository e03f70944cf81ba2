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
        Fold fold = new Fold(this);
        fold.apply(event, elements);
        return fold.board();
    }

    /**
     * This board changed event by event in place: folding a recording's events is linear in their number, where a
     * new board per event would copy every box each time.
     */
    static final class Fold {
        private final Map<String, BoxValues> boxes;

        Fold(Board from) {
            boxes = new LinkedHashMap<>(from.boxes);
        }

        /** How many boxes the board has now. */
        int size() {
            return boxes.size();
        }

        /** The board as folded so far (a copy: folding on leaves it as it is). */
        Board board() {
            return new Board(boxes);
        }

        void apply(TraceEvent event, ElementMap elements) {
            if (event instanceof TraceEvent.OpExecuted op) {
                elements.elementOfTensor(op.outputTensorId())
                        .ifPresent(name -> boxes.put(name, BoxValues.of(op.output(), null)));
            } else if (event instanceof TraceEvent.RetainedGradUpdated r) {
                gradOf(elements.elementOfTensor(r.tensorId()), r.after());
            } else if (event instanceof TraceEvent.GradAccumulated a) {
                gradOf(elements.elementOfTensor(a.leafTensorId()), a.after());
            } else if (event instanceof TraceEvent.LeafUpdated u) {
                leafUpdated(u, elements);
            }
            // the other events move gradients between nodes, not onto boxes
        }

        private void gradOf(Optional<String> element, TensorValue grad) {
            element.ifPresent(name -> boxes.put(name, box(name).withGrad(grad)));
        }

        /**
         * Step changes a parameter's data: every computed value (and its gradient) now belongs to old parameters.
         * Zero grads changes a parameter's grad: gradients kept on non-leaf boxes are from before.
         */
        private void leafUpdated(TraceEvent.LeafUpdated u, ElementMap elements) {
            Optional<String> leaf = elements.elementOfTensor(u.tensorId());
            if (leaf.isEmpty()) {
                return;
            }
            BoxValues box = box(leaf.get());
            boxes.put(leaf.get(), u.field() == TraceEvent.LeafField.DATA ? box.withValue(u.after())
                    : box.withGrad(u.after()));
            boxes.replaceAll((name, values) -> elements.isLeaf(name) ? values
                    : u.field() == TraceEvent.LeafField.DATA ? values.staleValue().staleGrad() : values.staleGrad());
        }

        private BoxValues box(String name) {
            BoxValues box = boxes.get(name);
            return box == null ? BoxValues.of(null, null) : box;
        }
    }
}
