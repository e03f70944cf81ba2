package org.gradviz.app.animation.lens;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceRecorder;
import org.gradviz.engine.Tensor;

/** Runs backward on the real engine with a {@link TraceRecorder} attached and returns what it recorded. */
final class Recordings {
    private Recordings() {
    }

    /** {@code root.backward(gradient)} (null for a scalar's implicit 1), recorded; leaves named by {@code names}. */
    static List<TraceEvent> backward(Tensor root, Tensor gradient, Map<Tensor, String> names) {
        Map<Tensor, String> byIdentity = new IdentityHashMap<>(names);
        try (TraceRecorder recorder = TraceRecorder.start(byIdentity::get, () -> 0)) {
            root.backward(gradient, true);
            return recorder.events();
        }
    }

    static List<TraceEvent> backward(Tensor root, Tensor gradient) {
        return backward(root, gradient, Map.of());
    }

    /** The views of every node run of a recorded backward. */
    static List<ChainRuleView> views(Tensor root, Tensor gradient) {
        return ChainRuleLens.explainAll(backward(root, gradient));
    }
}
