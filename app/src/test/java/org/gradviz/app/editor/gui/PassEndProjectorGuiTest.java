package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenting the seed network's backward pass on a 1280x720 projector (pom.xml's "projector") with the lens band,
 * at the end of the pass stepped through the band shows what the pass left on the leaves, in the lens's style: each
 * leaf's {@code .grad} with its shape and values, the gradcheck's verdict and the keys to go on with, every line
 * whole and as readable as the lens; and Home from there leaves every box where it was while stepping, the band
 * saying what is about to run and the keys to go through it. Before, the band was empty white at the end, and Home
 * gave it back to the views, packing the network anew.
 * <p>
 * The expected gradients are torch's: {@code torch.manual_seed(0); w = torch.randn(5, 3); b = torch.randn(3)},
 * {@code binary_cross_entropy_with_logits(ones(5) @ w + b, zeros(3)).backward()} gives
 * {@code b.grad = [0.2661, 0.1179, 0.0027]} and that row five times in {@code w.grad}.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PassEndProjectorGuiTest extends FittedExampleTest {
    /** Each of w.grad's five rows and b.grad, as torch prints them. */
    private static final String ROW = "[0.2661, 0.1179, 0.0027]";

    PassEndProjectorGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void atTheEndOfThePassTheBandShowsEachLeafsGradient(FxRobot robot) {
        showsEachLeafsGradientAtTheEnd(robot, 0, "pass-end-1280x720.png");
    }

    @Test
    void atLargerTextTheBandShowsEachLeafsGradientWhole(FxRobot robot) {
        showsEachLeafsGradientAtTheEnd(robot, 3, "pass-end-1280x720-150pct.png"); // 150 %
    }

    @Test
    void atTheLargestTextTheBandShowsEachLeafsGradientWhole(FxRobot robot) {
        showsEachLeafsGradientAtTheEnd(robot, 7, "pass-end-1280x720-300pct.png"); // 300 %
    }

    @Test
    void homeFromTheEndOfThePassMovesNoBoxAndTheBandSaysHowToGoOn(FxRobot robot) {
        LensClearance.present(robot, view, true, 0);
        LensLegibility boxes = new LensLegibility(view, 20);
        robot.type(KeyCode.HOME);
        Node lens = robot.lookup("#lens-panel").query();
        List<String> problems = new ArrayList<>();
        for (int step = 1; step <= 3; step++) {
            robot.type(KeyCode.RIGHT);
            boxes.settle();
            int at = step;
            robot.interact(() -> problems.addAll(boxes.problems(at, lens)));
        }
        robot.type(KeyCode.END);
        boxes.settle();
        robot.interact(() -> problems.addAll(boxes.problems(18, lens)));
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // a packing would be due now
        boxes.settle();
        Node start = robot.lookup("#lens-result").query();
        robot.interact(() -> problems.addAll(boxes.problems(0, lens)));
        robot.interact(() -> problems.addAll(boxes.problems(0, start)));
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(),
                Path.of("target", "screenshots", "pass-home-1280x720.png")));
        assertEquals(List.of(), problems);
        assertTrue(start.isVisible(), "the band says how to go on");
        assertEquals(List.of("before loss.backward()", "→: the engine's next step   ←: back",
                "End: each leaf's .grad, as the pass leaves it"), texts(start));
    }

    private void showsEachLeafsGradientAtTheEnd(FxRobot robot, int largerText, String shot) {
        LensClearance.present(robot, view, true, largerText);
        LensLegibility legibility = new LensLegibility(view, 20);
        robot.type(KeyCode.HOME);
        for (int step = 1; step <= 3; step++) {
            robot.type(KeyCode.RIGHT);
        }
        robot.type(KeyCode.END);
        legibility.settle();
        Node result = robot.lookup("#lens-result").query();
        try { // the gradcheck runs on a thread of its own
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> texts(result).contains(
                    "✓ gradcheck: autograd = finite differences"));
        } catch (TimeoutException e) {
            throw new AssertionError("no gradcheck verdict in the band: " + texts(result), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots", shot)));
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            problems.addAll(legibility.problems(18, result));
            Bounds at = result.localToScene(result.getBoundsInLocal());
            if (at.getMaxX() > stage.getScene().getWidth() + 1 || at.getMaxY() > stage.getScene().getHeight() + 1
                    || at.getMinX() < -1 || at.getMinY() < -1) {
                problems.add("the result lies off the screen: " + at);
            }
            for (Node box : robot.lookup(".graph-node").queryAll()) {
                if (box.isVisible() && at.intersects(box.localToScene(box.getBoundsInLocal()))) {
                    problems.add("the result covers #" + box.getId());
                }
            }
            Node caption = robot.lookup("#player-caption").query();
            if (at.intersects(caption.localToScene(caption.getBoundsInLocal()))) {
                problems.add("the result covers the player's sentence");
            }
        });
        List<String> lines = texts(result);
        assertTrue(result.isVisible(), "the band shows the pass's result");
        assertEquals(List.of(), problems, String.join(" | ", lines));
        assertTrue(lines.contains("w.grad  (5, 3)  ✓"), "w's gradient named, with its shape: " + lines);
        assertTrue(lines.contains("b.grad  (3)  ✓"), "b's gradient named, with its shape: " + lines);
        assertEquals(6, lines.stream().filter(l -> l.strip().equals(ROW)).count(),
                "w.grad's 5 rows and b.grad: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Home")), "Home to replay: " + lines);
    }

    /** The lines a panel shows, in order. */
    private static List<String> texts(Node panel) {
        List<String> lines = new ArrayList<>();
        for (Node n : panel.lookupAll(".label")) {
            if (n instanceof Label label && label.isVisible()) {
                lines.add(label.getText());
            }
        }
        return lines;
    }
}
