package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.editor.ConsoleLine;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.TorchTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Train from the tool bar: it runs off the FX thread with the step, the loss and Stop in the status bar,
 * the loss curve grows, and the result is torch's. Stop (the button or Esc) keeps the steps done.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TrainGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final TorchTraining TORCH = TorchTraining.load();

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = ExampleWindow.open(stage, "one-layer-bce.json", 1920, 1080).model();
    }

    @Test
    void trainButtonRunsHundredStepsToTorchsParameters(FxRobot robot) throws Exception {
        robot.clickOn("#run-train");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.trainingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(100, model.losses().size());
        for (int i = 0; i < 100; i++) {
            assertEquals(TORCH.losses()[i], model.losses().get(i), 1e-6, "step " + i);
        }
        double[] w = model.stateProperty().get().element("w").orElseThrow().value().data();
        for (int i = 0; i < w.length; i++) {
            assertEquals(TORCH.w()[i], w[i], 1e-5, "w element " + i);
        }
        String status = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertEquals("Trained 100 steps: loss 0.6819 → 0.0390", status);
        robot.clickOn("#loss-tab");
        snapshot(robot, "after-training.png");
    }

    @Test
    void stopKeepsTheStepsDoneAndTheWindowAnswersMeanwhile(FxRobot robot) throws Exception {
        robot.doubleClickOn("#training-steps").write("1000000").type(KeyCode.ENTER);
        assertEquals(1_000_000, model.trainingStepsProperty().get());
        robot.clickOn("#loss-tab");
        double w0 = model.stateProperty().get().element("w").orElseThrow().value().get(0);
        robot.clickOn("#run-train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.losses().size() > 200);

        // the parameters move on the boxes while Train runs: w[0, 0] leaves torch's randn 1.5410 (SGD lowers it,
        // as its gradient 0.2661 is positive) before Train ends
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> model.stateProperty().get().element("w").orElseThrow().value().get(0) < w0 - 0.01);
        assertTrue(model.trainingProperty().get(), "still training");

        // the FX thread is free: the progress text moves on and another tab can be opened
        String first = robot.lookup("#train-progress").queryAs(Label.class).getText();
        assertTrue(first.matches("step [\\d,]+ of 1,000,000 · loss \\d\\.\\d{4}"), first);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#train-progress").queryAs(Label.class).getText().equals(first));
        assertTrue(robot.lookup("#run-forward").queryAs(Button.class).isDisabled());
        snapshot(robot, "training-running.png");

        robot.clickOn("#train-stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.trainingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        int done = model.losses().size();
        assertTrue(done > 200 && done < 1_000_000, "steps done: " + done);
        assertTrue(model.console().stream().anyMatch(l -> l.kind() == ConsoleLine.Kind.ERROR
                && l.text().equals("KeyboardInterrupt")));
        assertTrue(robot.lookup("#status-message").queryAs(Label.class).getText()
                .startsWith("Stopped after " + done + " steps"));
        assertFalse(robot.lookup("#run-forward").queryAs(Button.class).isDisabled());
    }

    @Test
    void escapeStopsTraining(FxRobot robot) throws Exception {
        robot.doubleClickOn("#training-steps").write("1000000").type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).press(KeyCode.T).release(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.losses().size() > 10);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.trainingProperty().get());

        assertTrue(model.losses().size() < 1_000_000);
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), SCREENSHOTS.resolve(name)));
    }
}
