package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.junit.jupiter.api.Test;

/**
 * Train on the seed network against PyTorch ({@link TorchTraining}: torch 1.13's losses, parameters and
 * prints for 100 rounds of SGD(lr=0.1)).
 */
class TrainingTest {
    private static final TorchTraining TORCH = TorchTraining.load();

    private final EditorModel model = new EditorModel(
            new DocumentReader().read(Examples.file("one-layer-bce.json")), null);

    @Test
    void hundredStepsGivePyTorchsLossesAndParameters() {
        Training.Result result = train(100, () -> false);

        assertEquals(100, result.done());
        assertFalse(result.stopped());
        assertClose(TORCH.losses(), result.losses(), 1e-6);
        assertClose(TORCH.w(), model.stateProperty().get().element("w").orElseThrow().value().data());
        assertClose(TORCH.b(), model.stateProperty().get().element("b").orElseThrow().value().data());
        assertClose(TORCH.wGrad(), model.stateProperty().get().element("w").orElseThrow().grad().data());
    }

    @Test
    void consolePrintsWhatTheLoopPrintsInPython() {
        train(100, () -> false);

        List<String> outputs = texts(ConsoleLine.Kind.OUTPUT);
        List<String> printed = TORCH.printed();
        assertEquals(printed, outputs.subList(0, printed.size()));
        assertTrue(outputs.contains(TORCH.lossRepr()), outputs.toString());
        assertTrue(outputs.contains(TORCH.wRepr()), outputs.toString());
        assertTrue(outputs.contains(TORCH.bRepr()), outputs.toString());
        List<String> commands = texts(ConsoleLine.Kind.COMMAND);
        assertEquals(">>> optimizer = torch.optim.SGD([w, b], lr=0.1)", commands.get(0));
        assertEquals(">>> for step in range(100):", commands.get(1));
        assertTrue(commands.contains("...     loss.backward()"), commands.toString());
        assertTrue(commands.contains("...     if step % 10 == 0:"), commands.toString());
    }

    @Test
    void stoppingKeepsTheStepsDone() {
        AtomicInteger rounds = new AtomicInteger();
        Training run = model.startTraining().orElseThrow();
        Training.Result result = run.run((round, of, loss) -> rounds.set(round), () -> rounds.get() >= 30);
        model.finishTraining(run, result);

        assertTrue(result.stopped());
        assertEquals(30, result.done());
        assertTrue(texts(ConsoleLine.Kind.ERROR).contains("KeyboardInterrupt"));
        // torch's loss of round 31 is computed with the parameters after 30 steps: a Forward now must give it
        model.forward();
        double loss = model.stateProperty().get().element("loss").orElseThrow().value().item();
        assertEquals(TORCH.losses()[30], loss, 1e-6);
    }

    @Test
    void twoRunsContinueWhereTheFirstStopped() {
        model.trainingStepsProperty().set(40);
        train(40, () -> false);
        model.trainingStepsProperty().set(60);
        train(60, () -> false);

        assertClose(TORCH.losses(), model.losses(), 1e-6);
        assertClose(TORCH.w(), model.stateProperty().get().element("w").orElseThrow().value().data());
    }

    @Test
    void theWindowKeepsItsTensorsWhileTrainRunsOnItsCopy() {
        model.forward();
        double before = model.stateProperty().get().element("w").orElseThrow().value().data()[0];
        Training run = model.startTraining().orElseThrow();
        run.run((round, of, loss) -> { }, () -> false);

        assertEquals(before, model.stateProperty().get().element("w").orElseThrow().value().data()[0]);
    }

    @Test
    void editsAndRunsAreRefusedWhileTrainRuns() {
        GraphDocument before = model.document();
        Training run = model.startTraining().orElseThrow();

        assertTrue(model.trainingProperty().get());
        model.selectOnly("w");
        model.deleteSelection();
        model.step();
        assertEquals(before, model.document());
        assertTrue(model.statusProperty().get().startsWith("Train is running"), model.statusProperty().get());
        assertTrue(model.startTraining().isEmpty());

        model.finishTraining(run, run.run((round, of, loss) -> { }, () -> false));
        assertFalse(model.trainingProperty().get());
        model.selectOnly("w");
        model.deleteSelection();
        assertTrue(model.document().tensor("w").isEmpty());
    }

    @Test
    void boxesMayBeMovedWhileTrainRunsAndItsResultStillLands() {
        Training run = model.startTraining().orElseThrow();
        model.moveTo(java.util.Map.of("w", new org.gradviz.app.document.Position(-300, 500)));
        model.finishTraining(run, run.run((round, of, loss) -> { }, () -> false));

        assertEquals(new org.gradviz.app.document.Position(-300, 500), model.document().positions().get("w"));
        assertClose(TORCH.w(), model.stateProperty().get().element("w").orElseThrow().value().data());
    }

    @Test
    void resetForgetsTheLossCurve() {
        train(100, () -> false);
        model.reset();
        assertTrue(model.losses().isEmpty());
    }

    @Test
    void aGraphWithoutOutputIsRefusedSayingWhy() {
        model.apply("no output", d -> new GraphDocument(d.formatVersion(), d.title(), d.seed(), d.tensors(),
                d.nodes(), d.edges(), null, d.positions(), d.view()));

        assertTrue(model.startTraining().isEmpty());
        assertFalse(model.trainingProperty().get());
        assertEquals("Train needs an output to backward from: mark the loss as the output",
                model.statusProperty().get());
    }

    @Test
    void stepCountsOutOfRangeAreRefusedSayingTheRange() {
        model.trainingStepsProperty().set(0);
        assertTrue(model.startTraining().isEmpty());
        assertEquals("Train runs from 1 to 1,000,000 steps at a time, not 0", model.statusProperty().get());
        model.trainingStepsProperty().set(1_000_001);
        assertTrue(model.startTraining().isEmpty());
        assertFalse(model.trainingProperty().get());
    }

    @Test
    void anEmptyGraphHasNothingToLearn() {
        EditorModel empty = new EditorModel();
        assertTrue(empty.startTraining().isEmpty());
        assertTrue(empty.statusProperty().get().startsWith("Train needs an output"), empty.statusProperty().get());
    }

    @Test
    void listenerHearsEveryRound() {
        List<Integer> heard = new ArrayList<>();
        Training run = model.startTraining().orElseThrow();
        model.finishTraining(run, run.run((round, of, loss) -> heard.add(round * 1000 + of), () -> false));

        assertEquals(100, heard.size());
        assertEquals(1 * 1000 + 100, heard.get(0));
        assertEquals(100 * 1000 + 100, heard.get(99));
    }

    @Test
    void printIntervalGivesAboutTenLines() {
        assertEquals(1, TrainingTranscript.printInterval(7));
        assertEquals(10, TrainingTranscript.printInterval(100));
        assertEquals(100, TrainingTranscript.printInterval(1000));
    }

    private Training.Result train(int steps, java.util.function.BooleanSupplier stop) {
        model.trainingStepsProperty().set(steps);
        Training run = model.startTraining().orElseThrow();
        Training.Result result = run.run((round, of, loss) -> { }, stop);
        model.finishTraining(run, result);
        return result;
    }

    private List<String> texts(ConsoleLine.Kind kind) {
        return model.console().stream().filter(l -> l.kind() == kind).map(ConsoleLine::text).toList();
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "element " + i);
        }
    }

    private static void assertClose(double[] expected, List<Double> actual, double tolerance) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i), tolerance, "round " + (i + 1));
        }
    }
}
