package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gradviz.app.document.GoldenCases;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.ElementState;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.shell.MainWindow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seed network built from an empty canvas with the mouse alone: palette drags, inspector clicks,
 * port-to-port drags, then Forward and Backward from the tool bar. The numbers must be PyTorch's.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class EditorGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final GoldenCases.SeedNet GOLDEN = GoldenCases.SeedNet.load();

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = new EditorModel();
        // the network view alone (View ▸ Autograd View, Ctrl+5, off): the drops below are placed for its width
        MainWindow.install(stage, model, new GeneratedCode()).setAutogradViewShown(false);
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    @Test
    void seedNetworkBuiltWithTheMouseGivesPyTorchsLossAndGradients(FxRobot robot) {
        snapshot(robot, "empty-canvas.png");
        buildSeedNetwork(robot);

        robot.clickOn("#run-forward");
        robot.clickOn("#run-backward");

        assertEquals(GOLDEN.loss(), state("loss").value().item(), 1e-6);
        assertClose(GOLDEN.wGrad(), state("w").grad().data());
        assertClose(GOLDEN.bGrad(), state("w1").grad().data());
        assertTrue(model.console().stream().anyMatch(l -> l.text().equals(
                "tensor(0.6819, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)")));
        robot.clickOn("#node-w", MouseButton.PRIMARY);
        snapshot(robot, "seed-network-after-backward.png");
        String code = robot.lookup("#console-code").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(code.contains("loss = F.binary_cross_entropy_with_logits(add, x1)"), code);
    }

    @Test
    void undoGoesBackToTheEmptyCanvas(FxRobot robot) {
        buildSeedNetwork(robot);
        while (model.history().canUndoProperty().get()) {
            robot.clickOn("#run-undo");
        }
        assertEquals(EditorModel.emptyDocument(), model.document());
        assertFalse(robot.lookup("#node-x").tryQuery().isPresent());
    }

    @Test
    void aRefusedConnectionShowsWhyWhileHovering(FxRobot robot) {
        buildSeedNetwork(robot);

        robot.drag("#port-x1-out", MouseButton.PRIMARY).moveTo("#port-loss-input");
        Label verdict = robot.lookup("#connection-verdict").queryAs(Label.class);
        String shown = verdict.getText();
        boolean visible = verdict.isVisible();
        snapshot(robot, "refused-connection.png");
        robot.drop();

        assertTrue(visible);
        assertEquals("✗ input \"input\" of loss is already connected to add: delete that edge first", shown);
        assertEquals(6, model.document().edges().size(), "nothing was connected");
    }

    @Test
    void theSecondBackwardShowsPyTorchsError(FxRobot robot) {
        buildSeedNetwork(robot);
        robot.clickOn("#run-forward");
        robot.clickOn("#run-backward");
        robot.clickOn("#run-backward");

        String status = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertTrue(status.startsWith("RuntimeError: Trying to backward through the graph a second time"), status);
        snapshot(robot, "second-backward-error.png");
        double inspectorRight = robot.lookup("#inspector").query().localToScene(
                robot.lookup("#inspector").query().getLayoutBounds()).getMaxX();
        assertTrue(inspectorRight <= stage.getScene().getWidth() + 0.5, "a long message keeps the inspector in view");
    }

    @Test
    void aShapeErrorMarksTheNodeRed(FxRobot robot) {
        buildSeedNetwork(robot);
        robot.clickOn("#node-w1");
        clickIncrement(robot, "#inspector-size-0"); // b: (3) -> (4), which add cannot broadcast with (3)

        assertEquals("add: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                state("add").error());
        assertTrue(robot.lookup("#node-add").query().getPseudoClassStates().toString().contains("failed"));
        snapshot(robot, "shape-error.png");
    }

    // ----- the mouse-only build

    private void buildSeedNetwork(FxRobot robot) {
        dropFromPalette(robot, "Input", 140, 80);            // x = ones(3)
        clickIncrement(robot, "#inspector-size-0");          // (4)
        clickIncrement(robot, "#inspector-size-0");          // (5)
        dropFromPalette(robot, "Input", 900, 470);          // x1 as y: zeros(3)
        robot.clickOn("#inspector-init");
        robot.clickOn("zeros");
        dropFromPalette(robot, "Parameter", 140, 300);       // w = randn(3)
        robot.clickOn("#inspector-add-dim");                 // (3, 1)
        clickIncrement(robot, "#inspector-size-0");          // (4, 1)
        clickIncrement(robot, "#inspector-size-0");          // (5, 1)
        clickIncrement(robot, "#inspector-size-1");          // (5, 2)
        clickIncrement(robot, "#inspector-size-1");          // (5, 3)
        dropFromPalette(robot, "Parameter", 520, 320);      // w1 as b = randn(3)
        dropFromPalette(robot, "matmul", 540, 90);
        dropFromPalette(robot, "add", 930, 90);
        dropFromPalette(robot, "binary_cross_entropy_with_logits", 1000, 300);
        connect(robot, "x", "matmul", "input");
        connect(robot, "w", "matmul", "other");
        connect(robot, "matmul", "add", "input");
        connect(robot, "w1", "add", "other");
        connect(robot, "add", "loss", "input");
        connect(robot, "x1", "loss", "target");
        snapshot(robot, "built-with-the-mouse.png");
        assertEquals(6, model.document().edges().size(), () -> "edges: " + model.document().edges()
                + " status: " + model.statusProperty().get());
    }

    /** Drops {@code entry} with its box's centre at ({@code x}, {@code y}) on the canvas. */
    private static void dropFromPalette(FxRobot robot, String entry, double x, double y) {
        Node canvas = robot.lookup("#graph-canvas").query();
        Point2D target = robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(x, y)).query();
        robot.drag("#palette-" + entry, MouseButton.PRIMARY).moveTo(target).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void clickIncrement(FxRobot robot, String spinner) {
        robot.clickOn(robot.lookup(spinner + " .increment-arrow-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void connect(FxRobot robot, String from, String to, String port) {
        robot.drag("#port-" + from + "-out", MouseButton.PRIMARY).moveTo("#port-" + to + "-" + port).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ElementState state(String name) {
        return model.stateProperty().get().element(name).orElseThrow();
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), SCREENSHOTS.resolve(name)));
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }
}
