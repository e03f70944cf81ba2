package org.gradviz.app.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GoldenCases;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.RecordedBackward;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.NetworkDot;
import org.junit.jupiter.api.Test;

/**
 * The seed network's backward pass drawn at its steps, as F5 then F6 record it. Expected gradients are PyTorch's
 * (golden {@code a_one_layer_seed0__float32}), printed as torch prints them, 4 decimals.
 */
class StepDotTest {
    private static final GoldenCases.SeedNet GOLDEN = GoldenCases.SeedNet.load();
    private static final GraphOptions VALUES = GraphOptions.DEFAULT.withValues(true);

    private final GraphDocument seed = new DocumentReader().read(Examples.file("one-layer-bce.json"));
    private final RecordedBackward pass = RecordedBackward.of(seed, VALUES);
    private final Recording recording = pass.recording();

    /** torch's print of a row: {@code [0.2661, 0.1179, 0.0027]}. */
    private static String torchRow(double[] values, int from, int count) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            items.add(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return "[" + String.join(", ", items) + "]";
    }

    /** The DOT line of the record box titled {@code title}. */
    private static String box(String dot, String title) {
        return dot.lines().filter(l -> l.contains("{ " + title + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no box " + title + " in\n" + dot));
    }

    private String autogradAt(int step) {
        return StepDot.autograd(pass.picture(), recording, step);
    }

    @Test
    void stepZeroShowsNoGradientAnywhere() {
        String dot = autogradAt(0);

        assertTrue(box(dot, "w (5, 3)").endsWith("| grad None }\" shape=record fillcolor=lightblue]"), dot);
        assertTrue(box(dot, "b (3)").contains("| grad None }"), dot);
        assertFalse(dot.contains("penwidth"), "nothing ran yet, no edge carried anything:\n" + dot);
        assertFalse(dot.contains("0.2661"), dot);
    }

    @Test
    void theLastStepShowsPyTorchsGradients() {
        String dot = autogradAt(recording.size());

        assertTrue(box(dot, "b (3)").contains("| grad " + torchRow(GOLDEN.bGrad(), 0, 3) + " }"), dot);
        assertTrue(box(dot, "b (3)").contains("grad [0.2661, 0.1179, 0.0027]"), "torch printed b.grad so");
        for (int row = 0; row < 5; row++) {
            assertTrue(box(dot, "w (5, 3)").contains(torchRow(GOLDEN.wGrad(), 3 * row, 3)), dot);
        }
    }

    @Test
    void theLastStepIsTheFinalPictureWithEdgeLabelsAndDoneNodes() {
        String stepped = autogradAt(recording.size());
        String marksRemoved = stepped
                .replaceAll(" \\[label=\" [^\"]*\" fontname=monospace fontsize=9 color=\"#009e73\""
                        + " fontcolor=\"#009e73\" penwidth=2]", "")
                .replaceAll(" fillcolor=lightgrey color=\"#009e73\" penwidth=2", "");

        assertEquals(AutogradDot.render(pass.picture()), marksRemoved);
        assertEquals(5, stepped.split("label=\" ", -1).length - 1, "the 5 edges a gradient travelled are labelled");
    }

    @Test
    void gradientsReachBBeforeWAsInPyTorch() {
        int bArrives = firstStepShowing("b (3)");
        int wArrives = firstStepShowing("w (5, 3)");

        assertTrue(bArrives < wArrives, "b's AccumulateGrad runs before w's in torch: " + bArrives + ", " + wArrives);
        String between = autogradAt(bArrives);
        assertTrue(box(between, "b (3)").contains(torchRow(GOLDEN.bGrad(), 0, 3)), between);
        assertTrue(box(between, "w (5, 3)").contains("| grad None }"), "w's gradient has not arrived:\n" + between);
        assertTrue(between.contains("[label=MmBackward0]"), "MmBackward0 has not run yet:\n" + between);
        assertTrue(between.contains("[label=AddBackward0 fillcolor=lightgrey color=\"#009e73\" penwidth=2]"),
                "AddBackward0 ran:\n" + between);
    }

    @Test
    void theRunningNodeIsHighlightedAndTheCurrentEdgeDrawnWide() {
        int addStarts = indexOf(e -> e instanceof TraceEvent.NodeStarted n && n.name().equals("AddBackward0"));
        int addSends = indexOf(e -> e instanceof TraceEvent.GradientSent s && s.fromName().equals("AddBackward0"));

        String running = autogradAt(addStarts + 1);
        assertTrue(running.contains("[label=AddBackward0 fillcolor=lightgrey color=\"#e69f00\" penwidth=4]"), running);
        String sending = autogradAt(addSends + 1);
        assertTrue(sending.contains("[label=\" [0.2661, 0.1179, 0.0027]\" fontname=monospace fontsize=9"
                + " color=\"#d55e00\" fontcolor=\"#d55e00\" penwidth=3]"), sending);
    }

    @Test
    void aStepOutOfRangeNamesTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> autogradAt(recording.size() + 1));
        assertTrue(e.getMessage().contains("steps 0 to " + recording.size()), e.getMessage());
    }

    @Test
    void theNetworkAtStepZeroHasNoGradientsAndAtTheEndIsTheEnginesPicture() {
        CompiledDocument compiled = new DocumentCompiler().compile(seed);
        String before = StepDot.network(seed, recording, 0, VALUES);
        assertFalse(before.contains("0.2661"), before);
        assertTrue(box(before, "z (3)").contains("| grad None }"), before);

        compiled.backward();
        assertEquals(NetworkDot.render(seed, compiled, VALUES), StepDot.network(seed, recording, recording.size(),
                VALUES));
    }

    @Test
    void theWindowsStepMarksComputedValuesStale() {
        EditorModel model = new EditorModel(seed, Examples.file("one-layer-bce.json"));
        model.forward();
        model.backward();
        model.step();
        Recording step = model.player().recordingProperty().get();

        String dot = StepDot.network(model.document(), step, step.size(), VALUES);
        assertTrue(box(dot, "z (3)").contains("(stale)"), dot);
        assertFalse(box(dot, "b (3)").contains("(stale)"), "a parameter Step moved is current:\n" + dot);
    }

    private int firstStepShowing(String leaf) {
        for (int step = 0; step <= recording.size(); step++) {
            if (!box(autogradAt(step), leaf).contains("| grad None }")) {
                return step;
            }
        }
        throw new AssertionError(leaf + " never gets a gradient");
    }

    private int indexOf(Predicate<TraceEvent> test) {
        List<TraceEvent> events = recording.events();
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }
}
