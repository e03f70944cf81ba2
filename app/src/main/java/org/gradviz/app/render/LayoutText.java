package org.gradviz.app.render;

/**
 * A line of text as Graphviz placed it: its anchor point on the baseline (points, y downwards), how the text
 * sits on that point, the width Graphviz measured for it and its font size.
 */
public record LayoutText(String text, LayoutPoint at, Align align, double width, double fontSize) {

    /** Graphviz's {@code l}, {@code c}, {@code r}: the anchor is the text's left end, centre or right end. */
    public enum Align {
        LEFT, CENTRE, RIGHT;

        static Align of(String xdot) {
            return switch (xdot) {
                case "l" -> LEFT;
                case "r" -> RIGHT;
                default -> CENTRE;
            };
        }
    }
}
