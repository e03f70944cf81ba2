package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.animation.view.FlowStyles;
import org.gradviz.app.document.GoldenCases;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.ElementState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Stepping the seed network's backward pass with the player's keys: the boxes light up in the engine's order,
 * the gradients arrive one step at a time and end as PyTorch's, stepping back restores what was shown.
 * Animation durations are zero (surefire's gradviz.animation.stepMillis), so each key is one whole step.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class GradientFlowGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "backward");
    private static final GoldenCases.SeedNet GOLDEN = GoldenCases.SeedNet.load();

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1920, 1080).model();
    }

    @Test
    void steppingTheBackwardPassLightsTheBoxesInTheEnginesOrderAndEndsWithTorchsGradients(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        TracePlayer player = model.player();
        Recording backward = player.recordingProperty().get();
        assertEquals("loss.backward()", backward.command());
        robot.type(KeyCode.HOME);
        assertEquals(0, player.positionProperty().get());
        assertNull(grad("w"), "before the pass, w has no gradient");

        List<String> litBoxes = new ArrayList<>();
        int shot = 0;
        snapshot(robot, String.format("%02d-before.png", shot++));
        for (int i = 0; i < backward.size(); i++) {
            robot.type(KeyCode.RIGHT);
            assertEquals(i + 1, player.positionProperty().get());
            if (backward.events().get(i) instanceof TraceEvent.NodeStarted) {
                litBoxes.add(activeBox(robot));
            }
            snapshot(robot, String.format("%02d-step.png", shot++));
        }
        // torch 1.13's order: BCEWithLogits (loss), Add (z), AccumulateGrad (b), Squeeze and Mm (xw), AccumulateGrad (w)
        assertEquals(List.of("loss", "z", "b", "xw", "xw", "w"), litBoxes);
        assertClose(GOLDEN.wGrad(), grad("w").data());
        assertClose(GOLDEN.bGrad(), grad("b").data());
        assertTrue(robot.lookup("#player-caption").queryAs(Label.class).getText().startsWith("backward finished"));
        assertEquals("step " + backward.size() + " of " + backward.size(),
                robot.lookup("#player-counter").queryAs(Label.class).getText());
    }

    @Test
    void stepBackRestoresThePreviousBoxesAndReplayIsIdentical(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        TracePlayer player = model.player();
        Board end = player.boardProperty().get();
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        int position = player.positionProperty().get();
        assertEquals(player.recordingProperty().get().size() - 2, position);
        Board earlier = player.boardProperty().get();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.LEFT);
        assertEquals(position, player.positionProperty().get());
        assertEquals(earlier, player.boardProperty().get());

        robot.type(KeyCode.HOME);
        robot.type(KeyCode.SPACE); // plays to the end at once with zero step durations
        assertEquals(end, player.boardProperty().get());
        assertFalse(player.playingProperty().get());
    }

    @Test
    void aClickersPageDownAndPageUpStepLikeTheArrows(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(2, model.player().positionProperty().get());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, model.player().positionProperty().get());
    }

    @Test
    void failedSecondBackwardShowsTorchsErrorAndTheEnginesState(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        robot.type(KeyCode.F6);
        Label caption = robot.lookup("#player-caption").queryAs(Label.class);
        assertTrue(caption.getText().startsWith("RuntimeError: Trying to backward through the graph a second time"),
                caption.getText());
        assertTrue(caption.getPseudoClassStates().contains(FlowStyles.FAILED));
        assertEquals("loss", activeBox(robot), "the error is shown at the node where the engine stopped");
        // torch 1.13: the retain_grad hook of loss ran before its node failed (loss.grad 2), w and b kept theirs
        assertEquals(2.0, model.stateProperty().get().element("loss").orElseThrow().grad().item());
        assertClose(GOLDEN.wGrad(), grad("w").data());
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(),
                SCREENSHOTS.resolveSibling("second-backward-failed.png")));
    }

    private String activeBox(FxRobot robot) {
        List<String> active = new ArrayList<>();
        for (Node n : robot.lookup(".graph-node").queryAll()) {
            if (n.getPseudoClassStates().contains(FlowStyles.ACTIVE)) {
                active.add(n.getId().substring("node-".length()));
            }
        }
        assertEquals(1, active.size(), "one box lit: " + active);
        return active.get(0);
    }

    private org.gradviz.app.animation.TensorValue grad(String name) {
        ElementState e = model.stateProperty().get().element(name).orElseThrow();
        return e.grad();
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), SCREENSHOTS.resolve(name)));
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, "element " + i);
        }
    }
}
