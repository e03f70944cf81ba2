package org.gradviz.app.slides;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent;

/**
 * The {@code .grad} of each tensor a recording wrote to, at every step: from its {@code GradAccumulated} (leaves)
 * and {@code RetainedGradUpdated} (retained non-leaves) events, each of which says what the grad was before and after.
 */
final class RecordedGrads {
    /** One write of a tensor's grad: at event {@code index}, from {@code before} to {@code after}. */
    private record Write(int index, TensorValue before, TensorValue after) {
    }

    private final Map<Integer, List<Write>> writes = new HashMap<>();

    RecordedGrads(Recording recording) {
        List<TraceEvent> events = recording.events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.GradAccumulated a) {
                add(a.leafTensorId(), new Write(i, a.before(), a.after()));
            } else if (e instanceof TraceEvent.RetainedGradUpdated r) {
                add(r.tensorId(), new Write(i, r.before(), r.after()));
            }
        }
    }

    private void add(int tensor, Write write) {
        writes.computeIfAbsent(tensor, t -> new ArrayList<>()).add(write);
    }

    /** Whether the recording wrote the grad of tensor number {@code tensor}. */
    boolean wrote(int tensor) {
        return writes.containsKey(tensor);
    }

    /**
     * The grad of tensor {@code tensor} once the first {@code position} events happened (null for None); only for a
     * tensor the recording {@link #wrote}.
     */
    TensorValue at(int tensor, int position) {
        List<Write> list = writes.get(tensor);
        TensorValue grad = list.get(0).before();
        for (Write w : list) {
            if (w.index() >= position) {
                break;
            }
            grad = w.after();
        }
        return grad;
    }
}
