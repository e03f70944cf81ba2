package org.gradviz.app.render;

/** A point of a Graphviz layout in points (1/72 inch), x to the right and y downwards from the top-left corner. */
public record LayoutPoint(double x, double y) {
}
