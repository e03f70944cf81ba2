package org.gradviz.app.editor.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.gradviz.app.shell.MainWindowView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step by step while a presented pass is stepped through ({@link LensClearance}): whether the back row can read the
 * chain-rule lens (its smallest text at least as large on the screen as the smallest box numbers, and at least a
 * given size), whether it shows all its text (no line cut short with an ellipsis or clipped), and whether the boxes
 * stay where they were at the pass's first step (a lecturer points at them while stepping).
 */
final class LensLegibility {
    private final MainWindowView view;
    private final double leastPx;
    private final Map<String, Point2D> firstPlaces = new LinkedHashMap<>();
    private double smallestLens = Double.MAX_VALUE;
    private double largestNumbers;

    LensLegibility(MainWindowView view, double leastPx) {
        this.view = view;
        this.leastPx = leastPx;
    }

    /** Waits for a packing the step asked for (the views resized) to be applied. */
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.isArrangingForScreen());
        } catch (TimeoutException e) {
            throw new AssertionError("the network was not packed for the screen within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the back row cannot read at {@code step}, or what moved since the first step. On the FX thread. */
    List<String> problems(int step, Node lens) {
        List<String> problems = new ArrayList<>();
        moved(step).ifPresent(problems::add);
        if (!lens.isVisible()) {
            return problems;
        }
        double numbers = TextHeights.smallestGridNumbers(view.canvas());
        largestNumbers = Math.max(largestNumbers, numbers);
        Label smallest = null;
        for (Node n : lens.lookupAll(".label")) {
            if (!(n instanceof Label label) || !n.isVisible()) {
                continue;
            }
            if (smallest == null || TextHeights.labelSize(label) < TextHeights.labelSize(smallest)) {
                smallest = label;
            }
            Text shown = (Text) label.lookup(".text");
            if (shown != null && !shown.getText().equals(label.getText())) {
                problems.add("step " + step + " \"" + label.getText() + "\" shows only \"" + shown.getText() + "\"");
            }
            if (label.getHeight() + 0.5 < label.prefHeight(label.getWidth())) {
                problems.add("step " + step + " \"" + label.getText() + "\" is clipped: " + px(label.getHeight())
                        + " px of " + px(label.prefHeight(label.getWidth())));
            }
        }
        double px = smallest == null ? 0 : TextHeights.labelSize(smallest);
        smallestLens = Math.min(smallestLens, px);
        if (px < numbers - 0.05 || px < leastPx - 0.05) {
            problems.add("step " + step + " \"" + smallest.getText() + "\" is " + px(px) + " px, the box numbers "
                    + px(numbers) + " px");
        }
        return problems;
    }

    /** The smallest lens text and the largest box numbers seen, in pixels on the screen. */
    String figures() {
        return "smallest lens text " + px(smallestLens) + " px, box numbers at most " + px(largestNumbers) + " px";
    }

    /** The boxes whose place on the screen is not that of the first step, when any. */
    private java.util.Optional<String> moved(int step) {
        List<String> moved = new ArrayList<>();
        for (Node box : view.canvas().lookupAll(".graph-node")) {
            if (box.getId() == null || !box.isVisible()) {
                continue;
            }
            Point2D now = box.localToScene(0, 0);
            Point2D first = firstPlaces.putIfAbsent(box.getId(), now);
            if (first != null && first.distance(now) > 1) {
                moved.add("#" + box.getId() + " from " + place(first) + " to " + place(now));
            }
        }
        return moved.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("step " + step + " moved " + String.join(", ", moved));
    }

    private static String place(Point2D p) {
        return "(" + Math.round(p.getX()) + ", " + Math.round(p.getY()) + ")";
    }

    private static String px(double px) {
        return String.format(Locale.ROOT, "%.1f", px);
    }
}
