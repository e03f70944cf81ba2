package org.gradviz.app.animation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

/** Frames follow the recorded events only: which node runs, what each edge carried, what changed. */
class FlowFramesTest {

    /** y = a * b + 3 * a with a = 2, b = 5: hand-derived dy/da = b + 3 = 8, dy/db = a = 2. */
    private static Recording recorded() {
        Tensor a = Torch.tensor(org.gradviz.engine.Shape.SCALAR, org.gradviz.engine.DType.FLOAT64, new double[] {2})
                .requiresGrad_(true);
        Tensor b = Torch.tensor(org.gradviz.engine.Shape.SCALAR, org.gradviz.engine.DType.FLOAT64, new double[] {5})
                .requiresGrad_(true);
        Tensor y;
        List<TraceEvent> events;
        try (TraceRecorder recorder = TraceRecorder.start(t -> t == a ? "a" : t == b ? "b" : null, () -> 0)) {
            y = a.mul(b).add(a.mul(3.0));
            y.backward();
            events = recorder.events();
        }
        return new Recording("y.backward()", Board.EMPTY, events, ElementMap.EMPTY);
    }

    @Test
    void atTheStartNothingHasRunAndTheCaptionNamesTheCommand() {
        FlowFrame frame = new FlowFrames(recorded()).at(0);
        assertNull(frame.activeNode());
        assertTrue(frame.gradEdges().isEmpty());
        assertEquals("before y.backward()", frame.caption());
    }

    @Test
    void edgesKeepWhatTheyCarriedAndOnlyTheLatestIsCurrent() {
        Recording recording = recorded();
        FlowFrames frames = new FlowFrames(recording);
        FlowFrame end = frames.at(recording.size());
        long current = end.gradEdges().values().stream().filter(EdgeFlow::current).count();
        assertEquals(0, current, "the last event is backward finished, not a send");
        // the gradients that reached the leaves: 5 and 3 to a (b, then 3), 2 to b
        List<String> labels = end.gradEdges().values().stream().map(EdgeFlow::label).toList();
        assertTrue(labels.containsAll(List.of("5.0000", "3.0000", "2.0000")), labels::toString);
        assertNull(end.activeNode(), "after backward finished no node runs");
        assertNull(end.error());
    }

    @Test
    void theSendingStepMarksItsEdgeCurrent() {
        Recording recording = recorded();
        FlowFrames frames = new FlowFrames(recording);
        for (int i = 0; i < recording.size(); i++) {
            if (recording.events().get(i) instanceof TraceEvent.GradientSent s) {
                FlowFrame frame = frames.at(i + 1);
                EdgeFlow flow = frame.gradEdges().get(new GradEdge(s.fromId(), s.inputIndex()));
                assertTrue(flow.current(), "step " + (i + 1));
                assertEquals(1, frame.gradEdges().values().stream().filter(EdgeFlow::current).count());
                assertEquals(s.toId(), frames.targets().get(new GradEdge(s.fromId(), s.inputIndex())));
            }
        }
    }

    @Test
    void accumulateGradNotesShowBeforeAndAfter() {
        Recording recording = recorded();
        FlowFrame end = new FlowFrames(recording).at(recording.size());
        // a receives 5 (from a*b) and 3 (from 3*a) summed in the graph task, so one write: None → 8
        assertTrue(end.nodeNotes().containsValue("grad: None → 8.0000"), end.nodeNotes()::toString);
        assertTrue(end.nodeNotes().containsValue("grad: None → 2.0000"));
    }

    @Test
    void eachEdgeKeepsTheLargestAbsoluteValueItCarried() {
        Recording recording = recorded();
        FlowFrame end = new FlowFrames(recording).at(recording.size());
        Map<String, Double> sizes = new java.util.HashMap<>();
        end.gradEdges().values().forEach(f -> sizes.put(f.label(), f.maxAbs()));
        assertEquals(5.0, sizes.get("5.0000"));
        assertEquals(3.0, sizes.get("3.0000"));
        assertEquals(2.0, sizes.get("2.0000"));
    }

    @Test
    void theNodeRunningIsActiveAndEarlierOnesAreDone() {
        Recording recording = recorded();
        FlowFrames frames = new FlowFrames(recording);
        Set<Integer> started = new java.util.LinkedHashSet<>();
        for (int i = 0; i < recording.size(); i++) {
            if (recording.events().get(i) instanceof TraceEvent.NodeStarted n) {
                FlowFrame frame = frames.at(i + 1);
                assertEquals(n.nodeId(), frame.activeNode());
                assertEquals(started, frame.doneNodes());
                assertFalse(frame.doneNodes().contains(n.nodeId()));
                started.add(n.nodeId());
            }
        }
    }

    @Test
    void valueLabelsAreCompact() {
        assertEquals("0.2661", ValueLabel.of(new TensorValue(new int[0], "float32", new double[] {0.26607})));
        assertEquals("[1.0000, -2.0000]", ValueLabel.of(new TensorValue(new int[] {2}, "float32", new double[] {1, -2})));
        assertEquals("(5, 3) max 2.0000", ValueLabel.of(new TensorValue(new int[] {5, 3}, "float32",
                new double[] {0, 0, 0, 0, 0, 0, 0, -2, 0, 0, 0, 0, 0, 0, 1})));
        assertEquals("None", ValueLabel.of(null));
    }
}
