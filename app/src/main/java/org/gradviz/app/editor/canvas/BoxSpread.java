package org.gradviz.app.editor.canvas;

import java.util.Comparator;
import java.util.List;

/**
 * How far boxes grown by larger text are drawn apart so none covers another: every box's document position is
 * multiplied by one factor, as a view would (the saved positions stay as they are). Only boxes that really overlap
 * ask for a factor, and a factor that separates two boxes keeps them separated when larger, so a tidy layout is drawn
 * as it is (factor 1) and the smallest factor that separates every overlapping pair is the largest one they ask for.
 * Boxes at the same place (a document that piles its boxes up) cannot be separated so and ask for nothing.
 */
final class BoxSpread {
    /** A pile that would need more than this is left to a tidy layout. */
    static final double MAX_FACTOR = 10;

    /** A box at its document position ({@code x}, {@code y}) with its drawn size. */
    record Box(double x, double y, double width, double height) {
    }

    private BoxSpread() {
    }

    /**
     * The factor (1 or more) by which the boxes' positions are multiplied so that no two overlap, leaving {@code gap}
     * between a pair that did. Boxes are swept left to right, so a tidy layout costs about n log n.
     */
    static double factor(List<Box> boxes, double gap) {
        List<Box> sorted = boxes.stream().sorted(Comparator.comparingDouble(Box::x)).toList();
        double factor = 1;
        for (int i = 0; i < sorted.size(); i++) {
            Box a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).x() < a.x() + a.width(); j++) {
                Box b = sorted.get(j);
                double need = b.y() < a.y() + a.height() && a.y() < b.y() + b.height() ? apart(a, b, gap) : 1;
                if (Double.isFinite(need)) {
                    factor = Math.max(factor, Math.min(MAX_FACTOR, need));
                }
            }
        }
        return factor;
    }

    /** The factor that puts {@code b} clear of {@code a} across or down, whichever is less. */
    private static double apart(Box a, Box b, double gap) {
        return Math.min(apart(a.x(), a.width(), b.x(), b.width(), gap),
                apart(a.y(), a.height(), b.y(), b.height(), gap));
    }

    /** Along one axis: the box that starts first must end {@code gap} before the other starts. */
    private static double apart(double start, double size, double otherStart, double otherSize, double gap) {
        double distance = otherStart - start;
        if (distance == 0) {
            return Double.POSITIVE_INFINITY; // both start here: no factor moves them apart along this axis
        }
        return distance > 0 ? (size + gap) / distance : (otherSize + gap) / -distance;
    }
}
