package org.gradviz.app.animation.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

class NodeRunsTest {

    @Test
    void eachNodeRunKeepsWhatItSentAndWhatArrived() {
        Tensor x = Torch.tensor(1, 2).requiresGrad_(true);
        List<NodeRun> runs = NodeRuns.of(Recordings.backward(x.sin().mul(x).sum(), null));
        assertEquals(List.of("SumBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"),
                runs.stream().map(r -> r.started().name()).toList());
        assertNotNull(runs.get(0).seed(), "the root starts from the seed");
        assertNull(runs.get(1).seed());
        assertEquals(2, runs.get(1).sent().size());
        NodeRun acc = runs.get(3);
        assertEquals(List.of("MulBackward0", "SinBackward0"), acc.incoming().stream()
                .map(TraceEvent.GradientSent::fromName).toList());
        assertNotNull(acc.accumulated());
    }

    @Test
    void aSecondBackwardStartsAfresh() {
        Tensor x = Torch.tensor(1, 2).requiresGrad_(true);
        List<TraceEvent> events = new ArrayList<>(Recordings.backward(x.mul(x).sum(), null));
        events.addAll(Recordings.backward(x.sum(), null));
        List<NodeRun> runs = NodeRuns.of(events);
        NodeRun lastAcc = runs.get(runs.size() - 1);
        assertEquals("AccumulateGrad", lastAcc.started().name());
        assertEquals(List.of("SumBackward0"), lastAcc.incoming().stream().map(TraceEvent.GradientSent::fromName)
                .toList(), "only what the second backward sent");
    }
}
