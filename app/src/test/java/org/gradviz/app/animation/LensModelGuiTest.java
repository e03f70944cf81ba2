package org.gradviz.app.animation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.stage.Stage;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lens model says when the presenter is stepping through a pass (presentation mode keeps the lens band then, so
 * the boxes stay put): from the first step to the end reached by stepping and back to the start; not at the start
 * of a new pass, nor at an end jumped to from there. At the end of a pass stepped through it holds what the pass
 * left on the leaves. On the FX thread: the player's timer needs the toolkit.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LensModelGuiTest {

    @Start
    void start(Stage stage) {
    }

    /** y = a * b + 3 * a: four node runs, each with its lens. */
    private static Recording recorded() {
        Tensor a = Torch.tensor(Shape.SCALAR, DType.FLOAT64, new double[] {2}).requiresGrad_(true);
        Tensor b = Torch.tensor(Shape.SCALAR, DType.FLOAT64, new double[] {5}).requiresGrad_(true);
        List<TraceEvent> events;
        try (TraceRecorder recorder = TraceRecorder.start(t -> t == a ? "a" : t == b ? "b" : null, () -> 0)) {
            a.mul(b).add(a.mul(3.0)).backward();
            events = recorder.events();
        }
        return new Recording("y.backward()", Board.EMPTY, events, ElementMap.EMPTY);
    }

    /** As {@link #recorded}, with a box for each of the leaves a and b. */
    private static Recording recordedWithLeaves() {
        Recording recording = recorded();
        Map<Integer, String> tensors = new HashMap<>();
        recording.events().stream().filter(e -> e instanceof TraceEvent.GradAccumulated)
                .map(e -> (TraceEvent.GradAccumulated) e).forEach(a -> tensors.put(a.leafTensorId(), a.variable()));
        return new Recording(recording.command(), Board.EMPTY, recording.events(),
                new ElementMap(tensors, Map.of(), Set.of("a", "b")));
    }

    @Test
    void atTheEndOfAPassSteppedThroughItsResultIsEachLeafsGradient(FxRobot robot) {
        robot.interact(() -> {
            TracePlayer player = new TracePlayer();
            LensModel lenses = new LensModel(player);
            Recording recording = recordedWithLeaves();
            player.load(recording, false);
            for (int step = 1; step < recording.size(); step++) {
                player.stepForward();
                assertFalse(lenses.finishedProperty().get(), "at step " + step + " of " + recording.size());
            }
            player.stepForward();
            assertTrue(lenses.finishedProperty().get(), "at the end");
            lenses.gradChecked(Map.of("a", true, "b", false));
            // y = a * b + 3 * a at a = 2, b = 5: dy/da = b + 3 = 8, dy/db = a = 2
            Map<String, String> grads = new HashMap<>();
            lenses.resultProperty().get().leaves().forEach(l -> grads.put(l.name(),
                    l.shape() + " " + l.rows() + " " + l.check()));
            assertEquals(Map.of("a", "() [8.0000] PASSED", "b", "() [2.0000] FAILED"), grads);
            assertEquals("y.backward()", lenses.resultProperty().get().command());
            assertFalse(lenses.rewoundProperty().get(), "at the end");
            player.restart();
            assertFalse(lenses.finishedProperty().get(), "back at the start");
            assertTrue(lenses.rewoundProperty().get(), "back at the start of a pass stepped through");
            player.end();
            assertTrue(lenses.finishedProperty().get(), "End from the start of a pass stepped into");
            player.load(recordedWithLeaves(), false);
            player.end();
            assertFalse(lenses.finishedProperty().get(), "a new pass jumped to its end: no band, no result");
            player.restart();
            assertFalse(lenses.rewoundProperty().get(), "back at the start of a pass not stepped through");
        });
    }

    @Test
    void steppingLastsFromTheFirstStepToTheEndAndBackToTheStart(FxRobot robot) {
        robot.interact(() -> {
            TracePlayer player = new TracePlayer();
            LensModel lenses = new LensModel(player);
            Recording recording = recorded();
            player.load(recording, false);
            assertFalse(lenses.steppingProperty().get(), "at the start");
            for (int step = 1; step <= recording.size(); step++) {
                player.stepForward();
                assertTrue(lenses.steppingProperty().get(), "at step " + step + " of " + recording.size());
            }
            player.restart();
            assertTrue(lenses.steppingProperty().get(), "back at the start (Home): the boxes stay where they were");
            player.load(recorded(), false);
            assertFalse(lenses.steppingProperty().get(), "a new pass");
        });
    }

    @Test
    void aPassJumpedToItsEndFromTheStartIsNotStepped(FxRobot robot) {
        robot.interact(() -> {
            TracePlayer player = new TracePlayer();
            LensModel lenses = new LensModel(player);
            player.load(recorded(), false);
            player.end();
            assertFalse(lenses.steppingProperty().get(), "End from the start");
            player.stepBack();
            assertTrue(lenses.steppingProperty().get(), "a step back into the pass");
            player.load(recorded(), false);
            assertFalse(lenses.steppingProperty().get(), "a new pass");
        });
    }
}
