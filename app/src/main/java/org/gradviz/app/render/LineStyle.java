package org.gradviz.app.render;

/**
 * How a line is stroked: its width in points and its dash pattern (on, off, … in points; empty for solid).
 *
 * @param dash never null
 */
record LineStyle(double width, float[] dash) {
    static final LineStyle SOLID = new LineStyle(1, new float[0]);

    LineStyle withWidth(double value) {
        return new LineStyle(value, dash);
    }

    LineStyle withDash(float... value) {
        return new LineStyle(width, value);
    }

    boolean dashed() {
        return dash.length > 0;
    }
}
