package org.gradviz.app.animation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * the boxes stay put): from the first step to the end reached by stepping; not at the start, nor at an end jumped to
 * from the start. On the FX thread: the player's timer needs the toolkit.
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

    @Test
    void steppingLastsFromTheFirstStepToTheEndAndEndsBackAtTheStart(FxRobot robot) {
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
            assertFalse(lenses.steppingProperty().get(), "back at the start");
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
