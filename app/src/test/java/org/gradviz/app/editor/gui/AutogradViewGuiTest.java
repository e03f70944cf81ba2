package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.view.AutogradNodeView;
import org.gradviz.app.animation.view.AutogradView;
import org.gradviz.app.animation.view.NodeState;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.PictureNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The autograd view in the window: torchviz's DAG of the graph the engine built, animated in the engine's order,
 * linked with the network view, with the chain-rule lens and the gradcheck badges.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AutogradViewGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1920, 1080).model();
    }

    @Test
    void beforeForwardTheViewSaysWhatToDo(FxRobot robot) {
        assertEquals("Run Forward (F5) to build loss's autograd graph", view(robot).placeholderText());
    }

    @Test
    void forwardDrawsTorchvizsGraphOfTheSeedNetwork(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        AutogradPicture picture = waitForPicture(robot);
        List<String> titles = picture.nodes().stream().map(PictureNode::title).toList();
        // torchviz's make_dot of the seed network: the output, BCEWithLogits, Add, Squeeze, Mm, two AccumulateGrads
        // under the leaves w and b (golden DOT in shared/golden/torchviz)
        for (String expected : List.of("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "SqueezeBackward3",
                "MmBackward0", "AccumulateGrad")) {
            assertTrue(titles.contains(expected), expected + " in " + titles);
        }
        assertEquals(2, titles.stream().filter("AccumulateGrad"::equals).count());
        assertEquals(List.of("w", "b"), picture.nodes().stream().filter(n -> n.kind() == PictureNode.Kind.LEAF)
                .map(PictureNode::variable).toList());
    }

    @Test
    void steppingBackwardLightsTheAutogradNodesInTheEnginesOrder(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        waitForPicture(robot);
        Recording recording = model.player().recordingProperty().get();
        robot.type(KeyCode.HOME);
        List<String> running = new ArrayList<>();
        for (int i = 0; i < recording.size(); i++) {
            robot.type(KeyCode.RIGHT);
            if (recording.events().get(i) instanceof TraceEvent.NodeStarted n) {
                AutogradNodeView node = view(robot).nodeView(n.nodeId()).orElseThrow();
                assertTrue(node.hasState(NodeState.RUNNING), n.name());
                long lit = view(robot).nodeViews().stream().filter(v -> v.hasState(NodeState.RUNNING)).count();
                assertEquals(1, lit, "one node runs at a time");
                running.add(node.node().title() + (n.variable() == null ? "" : " " + n.variable()));
                if (n.name().equals("BinaryCrossEntropyWithLogitsBackward0")) {
                    Label title = robot.lookup("#lens-panel .lens-title").queryAs(Label.class);
                    assertEquals("BinaryCrossEntropyWithLogitsBackward0", title.getText());
                    robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), SCREENSHOTS.resolve("lens-bce.png")));
                }
            }
        }
        assertEquals(List.of("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad b",
                "SqueezeBackward3", "MmBackward0", "AccumulateGrad w"), running);
        // the gradient into b's AccumulateGrad is torch's [0.2661, 0.1179, 0.0027]; the note shows None → it
        assertTrue(view(robot).nodeViews().stream().anyMatch(v -> v.note().equals(
                "grad: None → [0.2661, 0.1179, 0.0027]")));
        assertFalse(robot.lookup("#lens-panel").query().isVisible(), "no node runs at the end: no lens");
    }

    @Test
    void backwardWithoutRetainGraphMarksTheNodesThatFreedTheirSavedTensors(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        waitForPicture(robot);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewNode(robot, "MmBackward0").hasState(NodeState.FREED));
        assertTrue(viewNode(robot, "BinaryCrossEntropyWithLogitsBackward0").hasState(NodeState.FREED));
        assertFalse(viewNode(robot, "AddBackward0").hasState(NodeState.FREED), "add saves no tensor");
    }

    @Test
    void selectionIsLinkedBetweenTheViews(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        waitForPicture(robot);
        robot.clickOn("#node-z");
        assertTrue(viewNode(robot, "AddBackward0").hasState(NodeState.HIGHLIGHTED), "z's grad_fn");
        assertFalse(viewNode(robot, "MmBackward0").hasState(NodeState.HIGHLIGHTED));

        AutogradNodeView mm = viewNode(robot, "MmBackward0");
        robot.clickOn(mm);
        assertEquals(List.of("xw"), List.copyOf(model.selection()), "MmBackward0 is built by xw's matmul");
    }

    @Test
    void forwardUnderNoGradHasNoGraphAndSaysWhy(FxRobot robot) throws Exception {
        robot.interact(() -> model.noGradProperty().set(true));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view(robot).placeholderText().startsWith("loss has no grad_fn"), view(robot).placeholderText());
    }

    @Test
    void leavesGetAGradcheckBadgeAfterBackward(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.gradChecks().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.gradChecks().reportProperty().get().passed());
        List<String> badges = robot.lookup(".gradcheck-badge").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).toList();
        assertEquals(List.of("gradcheck ✓", "gradcheck ✓"), badges, "w and b");
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), SCREENSHOTS.resolve("gradcheck-badges.png")));
    }

    private AutogradView view(FxRobot robot) {
        return robot.lookup("#autograd-view").queryAs(AutogradView.class);
    }

    private AutogradNodeView viewNode(FxRobot robot, String title) {
        return view(robot).nodeViews().stream().filter(v -> v.node().title().equals(title)).findFirst().orElseThrow();
    }

    private AutogradPicture waitForPicture(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view(robot).picture() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view(robot).picture();
    }
}
