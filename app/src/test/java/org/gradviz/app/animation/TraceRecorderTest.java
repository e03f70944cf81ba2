package org.gradviz.app.animation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

/** The recorder keeps the engine's events; names can be given again once they exist. */
class TraceRecorderTest {

    @Test
    void eventsNamedLaterTakeEveryVariableFromTheNewNames() {
        Tensor w = Torch.ones(2).requiresGrad_(true);
        Tensor loss;
        List<TraceEvent> asRecorded;
        List<TraceEvent> named;
        Map<Tensor, String> names = new IdentityHashMap<>();
        try (TraceRecorder recorder = TraceRecorder.start(t -> null, () -> 7)) {
            loss = w.mul(w).sum();
            loss.backward();
            recorder.add(new TraceEvent.LeafUpdated(recorder.tensorId(w), null, TraceEvent.LeafField.GRAD, null,
                    null));
            names.put(w, "w");
            names.put(loss, "loss");
            asRecorded = recorder.events();
            named = recorder.events(names::get);
        }

        assertEquals(asRecorded.size(), named.size());
        for (int i = 0; i < named.size(); i++) {
            TraceEvent before = asRecorded.get(i);
            TraceEvent after = named.get(i);
            if (before instanceof TraceEvent.BackwardStarted e) {
                assertNull(e.rootName());
                assertEquals(new TraceEvent.BackwardStarted(e.rootTensorId(), "loss", e.seed(), 7), after);
            } else if (before instanceof TraceEvent.NodeStarted e && e.name().equals("AccumulateGrad")) {
                assertNull(e.variable());
                assertEquals("w", ((TraceEvent.NodeStarted) after).variable());
            } else if (before instanceof TraceEvent.GradAccumulated e) {
                assertEquals("w", ((TraceEvent.GradAccumulated) after).variable());
            } else if (before instanceof TraceEvent.LeafUpdated e) {
                assertEquals("w", ((TraceEvent.LeafUpdated) after).variable());
            } else {
                assertEquals(before, after);
            }
        }
    }

    @Test
    void eventsNamedLaterLeaveTensorsNoNameHoldsUnnamed() {
        Tensor w = Torch.ones(2).requiresGrad_(true);
        List<TraceEvent> named;
        try (TraceRecorder recorder = TraceRecorder.start(t -> "early", () -> 0)) {
            w.mul(3).sum().backward();
            named = recorder.events(t -> null);
        }

        for (TraceEvent e : named) {
            if (e instanceof TraceEvent.BackwardStarted started) {
                assertNull(started.rootName());
            } else if (e instanceof TraceEvent.NodeStarted node) {
                assertNull(node.variable());
            } else if (e instanceof TraceEvent.GradAccumulated accumulated) {
                assertNull(accumulated.variable());
            }
        }
    }
}
