package org.gradviz.app.editor.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.shell.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Steps a presented backward pass from its first step to its last and lists, step by step, what the chain-rule lens
 * covers that the class is reading: a box of either view, an edge's shape or gradient label, the current step's
 * orange callout, the player's sentence. Only what is on screen counts (a view clips what lies outside it).
 */
final class LensClearance {
    /** What the class reads, in the network view and in the autograd view. */
    private static final String[] READ = {".graph-node", ".flow-label", ".graph-edge-label", ".autograd-node",
        ".autograd-edge-label", "#player-caption"};

    private LensClearance() {
    }

    /**
     * Presents the pass of {@code window}'s network ({@link #present}) and checks that at no step the lens covers
     * anything the class reads; a picture of step 8 goes to {@code target/screenshots/SHOT}.
     */
    static void coversNothing(FxRobot robot, FittedExampleTest window, boolean networkOnly, int largerText,
            String shot) {
        present(robot, window.view, networkOnly, largerText);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(),
                coveredWhileStepping(robot, window.model, window.stage, shot, null));
    }

    /**
     * As {@link #coversNothing}, and also that at every step the lens's smallest text is at least as large on the
     * screen as the smallest box numbers and at least {@code leastPx}, and shows all of its text
     * ({@link LensLegibility}); and that no box moves from the pass's first step to its end.
     */
    static void coversNothingAndReads(FxRobot robot, FittedExampleTest window, int largerText, double leastPx,
            String shot) {
        present(robot, window.view, true, largerText);
        LensLegibility legibility = new LensLegibility(window.view, leastPx);
        List<String> problems = coveredWhileStepping(robot, window.model, window.stage, shot, legibility);
        System.out.println(shot + ": " + legibility.figures());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), problems, legibility.figures());
    }

    /** F5, F6, Ctrl+Shift+P, Ctrl+5 when {@code networkOnly}, Ctrl+Shift+= {@code largerText} times; then packed. */
    static void present(FxRobot robot, MainWindowView view, boolean networkOnly, int largerText) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        LectureKeys.present(robot);
        if (networkOnly) {
            LectureKeys.networkViewOnly(robot);
        }
        LectureKeys.largerText(robot, largerText);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the full screen arrives, then the packing is due
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.isArrangingForScreen());
        } catch (TimeoutException e) {
            throw new AssertionError("the network was not packed for the screen within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Home, then → to the end of the pass; at every step that shows the lens, what it covers
     * ({@code step 8 AddBackward0 covers #node-x}); a picture of step 8 goes to {@code target/screenshots/NAME}.
     */
    static List<String> coveredWhileStepping(FxRobot robot, EditorModel model, Stage stage, String name,
            LensLegibility legibility) {
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        Node lens = robot.lookup("#lens-panel").query();
        List<String> covered = new ArrayList<>();
        int lensSteps = 0;
        for (int step = 1; !model.player().atEnd() && step <= 60; step++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            if (legibility != null) {
                legibility.settle();
                int at = step;
                robot.interact(() -> covered.addAll(legibility.problems(at, lens)));
            }
            if (step == 8) {
                robot.interact(() -> SceneSnapshot.writePng(stage.getScene(),
                        Path.of("target", "screenshots", name)));
            }
            if (!lens.isVisible()) {
                continue;
            }
            lensSteps++;
            String title = robot.lookup("#lens-panel .lens-title").queryAs(Label.class).getText();
            Bounds at = lens.localToScene(lens.getBoundsInLocal());
            Bounds scene = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
            if (!contains(scene, at)) {
                covered.add("step " + step + " " + title + " lies off the screen: " + at);
            }
            for (String query : READ) {
                for (Node thing : robot.lookup(query).queryAll()) {
                    Bounds seen = onScreen(thing);
                    if (seen != null && overlap(at, seen)) {
                        covered.add("step " + step + " " + title + " covers " + describe(query, thing));
                    }
                }
            }
        }
        if (lensSteps < 8) {
            covered.add("the lens showed at " + lensSteps + " steps only");
        }
        return covered;
    }

    private static String describe(String query, Node thing) {
        String text = thing instanceof Label l ? " \"" + l.getText() + "\"" : "";
        return query + (thing.getId() == null ? "" : " #" + thing.getId()) + text
                + (thing.getPseudoClassStates().isEmpty() ? "" : " " + thing.getPseudoClassStates());
    }

    /** The part of {@code node} the screen shows (inside every clipping view above it), or null when none. */
    private static Bounds onScreen(Node node) {
        if (node.getScene() == null) {
            return null;
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return null;
            }
            if (at.getClip() != null) {
                Bounds clip = at.localToScene(at.getClip().getBoundsInParent());
                b = intersection(b, clip);
                if (b == null) {
                    return null;
                }
            }
        }
        return b;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }

    /** More than a hair in common: a pixel of anti-aliasing at a shared edge is no cover. */
    private static boolean overlap(Bounds a, Bounds b) {
        Bounds both = intersection(a, b);
        return both != null && both.getWidth() > 1 && both.getHeight() > 1;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 1 && inner.getMinY() >= outer.getMinY() - 1
                && inner.getMaxX() <= outer.getMaxX() + 1 && inner.getMaxY() <= outer.getMaxY() + 1;
    }
}
