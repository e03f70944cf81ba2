package org.gradviz.app.bridge;

import java.util.List;
import org.gradviz.engine.Tensor;

/**
 * Whether the document's one {@code seed} can redraw the cell's randn tensors: it can when the cell called
 * {@code torch.manual_seed(s)} and then drew exactly the document's randn tensors, in document order, with no
 * other draw ({@code randn} or {@code rand} of a tensor outside the graph) and no other seed in between.
 */
final class RandnSeeding {

    private RandnSeeding() {
    }

    /** The seed that redraws {@code randn} (made in this order), or null when no seed does. */
    static Long seed(List<Tensor> randn, List<CallTrace.RandomEvent> events) {
        if (randn.isEmpty()) {
            return null;
        }
        int first = indexOfDraw(randn.get(0), events);
        if (first < 1 || events.get(first - 1).seed() == null || first + randn.size() > events.size()) {
            return null;
        }
        for (int i = 0; i < randn.size(); i++) {
            if (events.get(first + i).drawn() != randn.get(i)) {
                return null;
            }
        }
        return events.get(first - 1).seed();
    }

    private static int indexOfDraw(Tensor t, List<CallTrace.RandomEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).drawn() == t) {
                return i;
            }
        }
        return -1;
    }
}
