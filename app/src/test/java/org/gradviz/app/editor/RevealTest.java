package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.TracePlayer;
import org.junit.jupiter.api.Test;

/**
 * Reveal: what a command is about to compute stays hidden until the player steps to it, so a class can predict
 * each number first. The order things appear is the engine's (torch's): matmul, add, loss forward; b's gradient before
 * w's backward (torch 1.13 runs AccumulateGrad b before MmBackward0, as RecordedTimelineTest checks).
 */
class RevealTest {
    private final EditorModel model = new EditorModel();
    private final TracePlayer player = model.player();

    @Test
    void forwardHidesEveryOpValueUntilItsStepAndStaysAtTheStart() {
        SeedNetBuilder.build(model);
        model.display().revealProperty().set(true);

        model.forward();

        assertEquals(0, player.positionProperty().get(), "reveal waits for the presenter");
        assertTrue(element("add").valueHidden());
        assertTrue(element("loss").valueHidden());
        assertTrue(element("add").valueIfComputed().isEmpty(), "the inspector shows nothing either");
        assertFalse(element("w").valueHidden(), "a parameter's value is known before the pass");
        assertFalse(element("x").valueHidden());
        List<String> revealed = new ArrayList<>();
        while (!player.atEnd()) {
            player.stepForward();
            for (String name : List.of("matmul", "add", "loss")) {
                if (!element(name).valueHidden() && !revealed.contains(name)) {
                    revealed.add(name);
                }
            }
        }
        assertEquals(List.of("matmul", "add", "loss"), revealed, "one at a time, in the order they are computed");
        assertTrue(element("loss").valueIfComputed().isPresent());
    }

    @Test
    void backwardRevealsBsGradientBeforeWs() {
        SeedNetBuilder.build(model);
        model.forward();
        model.display().revealProperty().set(true);

        model.backward();

        assertTrue(element("w").gradHidden());
        assertTrue(element("b").gradHidden());
        assertFalse(element("add").valueHidden(), "values from the forward before stay shown");
        while (element("b").gradHidden()) {
            player.stepForward();
        }
        assertTrue(element("w").gradHidden(), "b's gradient arrives first, w's later");
        player.end();
        assertFalse(element("w").gradHidden());
        player.restart();
        assertTrue(element("w").gradHidden(), "going back to the start hides it again");
    }

    @Test
    void turningRevealOffShowsEverythingAtOnce() {
        SeedNetBuilder.build(model);
        model.display().revealProperty().set(true);
        model.forward();
        assertTrue(element("loss").valueHidden());

        model.display().revealProperty().set(false);

        assertFalse(element("loss").valueHidden());
        assertTrue(element("loss").valueIfComputed().isEmpty() || player.positionProperty().get() == 0,
                "the board is the player's step: before Forward's steps the loss has no value yet");
    }

    private ElementState element(String name) {
        return model.stateProperty().get().element(name).orElseThrow();
    }
}
