package org.gradviz.app.editor.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.gradviz.app.animation.view.PlayerBar;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Steps a presented backward pass from its first step to its last and lists, at every step whose event sends a
 * gradient along an edge (that edge is drawn {@code :current}), what keeps the lecturer from reading that edge's
 * orange gradient label: not shown, not wholly inside the network view, over a box, under the chain-rule lens or
 * over the player bar.
 */
final class CurrentFlowLabel {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private CurrentFlowLabel() {
    }

    /**
     * Presents the pass (network view only, Ctrl+Shift+= {@code largerText} times) and steps it through; a picture
     * of step 8 goes to {@code target/screenshots/SHOT}.
     */
    static List<String> problemsWhileStepping(FxRobot robot, FittedExampleTest window, int largerText, String shot) {
        LensClearance.present(robot, window.view, true, largerText);
        LensLegibility packing = new LensLegibility(window.view, 0);
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        int sending = 0;
        for (int step = 1; !window.model.player().atEnd() && step <= 60; step++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            packing.settle();
            int at = step;
            int[] sent = {0};
            robot.interact(() -> sent[0] = check(window, at, problems));
            if (step == 8) {
                robot.interact(() -> SceneSnapshot.writePng(window.stage.getScene(),
                        java.nio.file.Path.of("target", "screenshots", shot)));
            }
            sending += sent[0];
        }
        if (sending < 4) { // loss → z, z → xw, z → b, xw → w
            problems.add("a gradient was sent along an edge at " + sending + " steps only");
        }
        return problems;
    }

    /** Adds what hides the current edge's label at {@code step}; returns how many edges are current. FX thread. */
    private static int check(FittedExampleTest window, int step, List<String> problems) {
        javafx.scene.Parent canvas = window.view.canvas();
        int current = 0;
        for (Node curve : canvas.lookupAll(".graph-edge")) {
            if (!curve.getPseudoClassStates().contains(CURRENT)) {
                continue;
            }
            current++;
            String edge = curve.getParent().getId().substring("edge-".length());
            String where = "step " + step + " " + edge;
            Labeled flow = (Labeled) canvas.lookup("#edge-labels-" + edge + " .flow-label");
            if (flow == null || !shown(flow) || flow.getText().isEmpty()) {
                problems.add(where + ": its gradient label is not shown");
                continue;
            }
            Bounds label = shrunk(flow.localToScene(flow.getLayoutBounds()));
            String said = where + " \"" + flow.getText() + "\" at " + label;
            Bounds view = visibleArea(canvas);
            if (view == null || !contains(view, label)) {
                problems.add(said + " is not wholly inside the network view " + view);
            }
            for (Node box : canvas.lookupAll(".graph-node")) {
                if (shown(box) && label.intersects(box.localToScene(box.getLayoutBounds()))) {
                    problems.add(said + " is over box " + box.getId());
                }
            }
            Node lens = window.stage.getScene().lookup("#lens-panel");
            if (lens != null && shown(lens) && label.intersects(lens.localToScene(lens.getBoundsInLocal()))) {
                problems.add(said + " is under the lens");
            }
            for (Node player : window.stage.getScene().getRoot().lookupAll("." + PlayerBar.STYLE)) {
                if (shown(player) && label.intersects(player.localToScene(player.getBoundsInLocal()))) {
                    problems.add(said + " is over the player bar");
                }
            }
        }
        return current;
    }

    /** The part of the scene {@code node} shows: inside its own clip and every clip above it. */
    private static Bounds visibleArea(Node node) {
        Bounds b = new BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight());
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getClip() != null) {
                Bounds clip = at.localToScene(at.getClip().getBoundsInParent());
                double minX = Math.max(b.getMinX(), clip.getMinX());
                double minY = Math.max(b.getMinY(), clip.getMinY());
                double maxX = Math.min(b.getMaxX(), clip.getMaxX());
                double maxY = Math.min(b.getMaxY(), clip.getMaxY());
                if (maxX <= minX || maxY <= minY) {
                    return null;
                }
                b = new BoundingBox(minX, minY, maxX - minX, maxY - minY);
            }
        }
        Bounds own = node.localToScene(node.getLayoutBounds());
        return new BoundingBox(Math.max(b.getMinX(), own.getMinX()), Math.max(b.getMinY(), own.getMinY()),
                Math.min(b.getMaxX(), own.getMaxX()) - Math.max(b.getMinX(), own.getMinX()),
                Math.min(b.getMaxY(), own.getMaxY()) - Math.max(b.getMinY(), own.getMinY()));
    }

    /** Half a pixel in on every side: what only touches does not overlap. */
    private static Bounds shrunk(Bounds b) {
        return new BoundingBox(b.getMinX() + 0.5, b.getMinY() + 0.5, b.getWidth() - 1, b.getHeight() - 1);
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() && inner.getMinY() >= outer.getMinY()
                && inner.getMaxX() <= outer.getMaxX() && inner.getMaxY() <= outer.getMaxY();
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
