package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.document.GoldenCases;
import org.junit.jupiter.api.Test;

/**
 * Every command in the window is recorded from the engine's own events, and what the boxes show at any step
 * is the engine's state at that moment. Expected numbers are PyTorch's (the golden seed network).
 */
class RecordedTimelineTest {
    private static final GoldenCases.SeedNet GOLDEN = GoldenCases.SeedNet.load();
    private final EditorModel model = new EditorModel();
    private final TracePlayer player = model.player();

    @Test
    void backwardIsRecordedInPyTorchsNodeOrder() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();

        // the order torch 1.13 runs the seed network's nodes (seen with node hooks in real torch)
        assertEquals(List.of("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad b",
                "SqueezeBackward3", "MmBackward0", "AccumulateGrad w"), nodesRun(player.recordingProperty().get()));
        assertEquals("loss.backward()", player.recordingProperty().get().command());
    }

    @Test
    void boardAtTheEndOfBackwardIsTheEnginesStateWithPyTorchsGradients() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();

        assertTrue(player.atEnd(), "zero-length steps in tests: the animation has played");
        assertClose(GOLDEN.wGrad(), grad("w").data());
        assertClose(GOLDEN.bGrad(), grad("b").data());
        assertEquals(1.0, grad("loss").item(), "d loss / d loss is 1: the seed");
        Board live = SessionBoards.live(model.document(), sessionOf(model));
        assertEquals(live, player.boardProperty().get());
    }

    @Test
    void steppingBackRestoresEveryBoxExactly() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        Recording recording = player.recordingProperty().get();
        List<Board> forward = new ArrayList<>();
        player.restart();
        forward.add(player.boardProperty().get());
        for (int i = 0; i < recording.size(); i++) {
            player.stepForward();
            forward.add(player.boardProperty().get());
        }
        for (int i = recording.size(); i > 0; i--) {
            assertEquals(forward.get(i), player.boardProperty().get(), "step " + i);
            player.stepBack();
        }
        assertEquals(forward.get(0), player.boardProperty().get());
        assertNull(grad("w"), "before the backward w has no grad");
        assertNull(grad("b"));
    }

    @Test
    void gradientsAppearOnTheBoxesOneStepAtATimeInTheEnginesOrder() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        Recording recording = player.recordingProperty().get();
        int bAccumulated = indexOf(recording, e -> e instanceof TraceEvent.GradAccumulated a && "b".equals(a.variable()));
        int wAccumulated = indexOf(recording, e -> e instanceof TraceEvent.GradAccumulated a && "w".equals(a.variable()));
        assertTrue(bAccumulated < wAccumulated, "b's AccumulateGrad runs before w's, as in torch");

        player.seek(bAccumulated + 1);
        assertClose(GOLDEN.bGrad(), grad("b").data());
        assertNull(grad("w"), "w's gradient has not arrived yet");
        player.seek(wAccumulated + 1);
        assertClose(GOLDEN.wGrad(), grad("w").data());
    }

    @Test
    void replayingGivesTheSameBoardsAgain() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        List<Board> first = boardsStepping();
        List<Board> second = boardsStepping();
        assertEquals(first, second);
    }

    @Test
    void failedSecondBackwardLeavesTheBoxesAsTheEngineLeftThem() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        model.backward();

        Recording failed = player.recordingProperty().get();
        TraceEvent last = failed.events().get(failed.size() - 1);
        assertTrue(last instanceof TraceEvent.BackwardFinished f && f.error() != null
                && f.error().startsWith("RuntimeError: Trying to backward through the graph a second time"), last::toString);
        // torch 1.13 runs the retain_grad hook of loss before BinaryCrossEntropyWithLogitsBackward0 unpacks its
        // freed saved tensors, so loss.grad becomes 1 + 1 = 2 while w.grad and b.grad stay (checked in torch)
        assertEquals(2.0, grad("loss").item());
        assertClose(GOLDEN.wGrad(), grad("w").data());
        assertClose(GOLDEN.bGrad(), grad("b").data());
        assertEquals(SessionBoards.live(model.document(), sessionOf(model)), player.boardProperty().get());
        assertEquals(1, failed.events().stream().filter(e -> e instanceof TraceEvent.NodeStarted).count(),
                "the engine stopped at the first node");
    }

    @Test
    void valuesComputedFromOldParametersAreStaleAfterStep() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        model.step();

        ElementState loss = element("loss");
        assertTrue(loss.valueStale(), "loss was computed from the parameters before the step");
        assertTrue(loss.gradStale());
        assertFalse(element("w").valueStale(), "w itself is current: it is what Step changed");
        assertFalse(element("x").valueStale());
        model.forward();
        assertFalse(element("loss").valueStale(), "a new Forward makes it current again");
    }

    @Test
    void zeroGradsZeroesParameterGradsAndMarksNonLeafGradsStale() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        model.zeroGrads();

        for (double g : grad("w").data()) {
            assertEquals(0.0, g, "zero_grad() in torch 1.13 fills existing grads with zeros");
        }
        assertFalse(element("w").gradStale());
        assertTrue(element("add").gradStale(), "z.grad is still the old gradient: torch's zero_grad leaves it");
        assertFalse(element("add").valueStale());
    }

    @Test
    void stepIsRecordedAsLeafUpdatesWithTheOldAndNewValues() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        TensorValue before = element("w").value();
        model.step();

        Recording step = player.recordingProperty().get();
        TraceEvent.LeafUpdated w = (TraceEvent.LeafUpdated) step.events().stream()
                .filter(e -> e instanceof TraceEvent.LeafUpdated u && u.variable().equals("w")).findFirst().orElseThrow();
        assertEquals(before, w.before());
        double[] expected = before.data();
        for (int i = 0; i < expected.length; i++) {
            // SGD: w - lr * grad
            assertEquals(expected[i] - 0.1 * GOLDEN.wGrad()[i], w.after().get(i), 1e-6);
        }
    }

    @Test
    void editingTheGraphEndsThePlayback() {
        SeedNetBuilder.build(model);
        model.forward();
        assertNotNull(player.recordingProperty().get());
        model.setOutput("add");
        assertNull(player.recordingProperty().get());
    }

    @Test
    void trainRecordsItsLastStepZeroGradForwardBackwardAndStep() {
        SeedNetBuilder.build(model);
        model.trainingStepsProperty().set(3);
        Training run = model.startTraining().orElseThrow();
        model.finishTraining(run, run.run((round, of, loss) -> { }, () -> false));

        Recording last = player.recordingProperty().get();
        assertEquals("training step 3", last.command());
        assertTrue(player.atEnd());
        List<String> phases = last.events().stream().map(e -> e.getClass().getSimpleName())
                .filter(c -> c.equals("LeafUpdated") || c.equals("OpExecuted") || c.equals("BackwardStarted"))
                .distinct().toList();
        // optimizer.zero_grad() (grads of w and b), the forward ops, loss.backward(), optimizer.step()
        assertEquals(List.of("LeafUpdated", "OpExecuted", "BackwardStarted"), phases);
        assertTrue(last.events().get(last.size() - 1) instanceof TraceEvent.LeafUpdated u
                && u.field() == TraceEvent.LeafField.DATA, "the step is last");
        assertEquals(List.of("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad b",
                "SqueezeBackward3", "MmBackward0", "AccumulateGrad w"), nodesRun(last));
        ElementState w = element("w");
        assertEquals(SessionBoards.live(model.document(), sessionOf(model)).box("w").orElseThrow().value(), w.value(),
                "the player's end is the engine's state");
        assertTrue(element("loss").valueStale(), "the last loss came from the parameters before the last step");
    }

    @Test
    void theAutogradGraphFollowsTheEngineAndShowsSavedTensorsOnDemand() {
        SeedNetBuilder.build(model);
        assertTrue(model.autogradProperty().get().pictureIfAny().isEmpty(), "no Forward yet: no graph");
        model.forward();
        var picture = model.autogradProperty().get().picture();
        assertFalse(picture.nodes().stream().anyMatch(n -> n.kind() == org.gradviz.app.render.PictureNode.Kind.SAVED));
        model.autograd().showSavedProperty().set(true);
        var withSaved = model.autogradProperty().get().picture();
        // torchviz's make_dot(show_saved=True) of this network draws 3 orange saved tensors: (3), (3) and (1, 5)
        // (shared/golden/torchviz/a_one_layer__full.norm.dot)
        assertEquals(3, withSaved.nodes().stream().filter(n -> n.kind() == org.gradviz.app.render.PictureNode.Kind.SAVED)
                .count());
        model.backward();
        assertTrue(model.autogradProperty().get().picture().nodes().stream()
                .anyMatch(org.gradviz.app.render.PictureNode::freed), "backward without retain_graph frees them");
        model.setOutput("z");
        assertTrue(model.autogradProperty().get().pictureIfAny().isEmpty(), "an edit makes the last Forward stale");
    }

    private List<Board> boardsStepping() {
        List<Board> boards = new ArrayList<>();
        player.restart();
        boards.add(player.boardProperty().get());
        while (!player.atEnd()) {
            player.stepForward();
            boards.add(player.boardProperty().get());
        }
        return boards;
    }

    private static List<String> nodesRun(Recording recording) {
        return recording.events().stream().filter(e -> e instanceof TraceEvent.NodeStarted)
                .map(e -> (TraceEvent.NodeStarted) e)
                .map(n -> n.variable() == null ? n.name() : n.name() + " " + n.variable()).toList();
    }

    private static int indexOf(Recording recording, java.util.function.Predicate<TraceEvent> test) {
        for (int i = 0; i < recording.size(); i++) {
            if (test.test(recording.events().get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }

    private ElementState element(String name) {
        return model.stateProperty().get().element(name).orElseThrow();
    }

    private TensorValue grad(String name) {
        return element(name).grad();
    }

    private static RunSession sessionOf(EditorModel model) {
        return model.session();
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, "element " + i);
        }
    }
}
