package org.gradviz.app.animation.view;

import javafx.scene.Node;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The zoom and pan of a drawing inside a view: a translation then a scale on the drawing. Fitting shows the whole
 * drawing centred, and stays in force (the view fits again when resized) until the user zooms or pans.
 */
final class Viewport {
    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 8;
    /** Fitting never enlarges beyond this, so a tiny graph does not fill a projector with three boxes. */
    static final double MAX_FIT_ZOOM = 3;
    /** Space left around a fitted drawing, in pixels. */
    static final double MARGIN = 24;

    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate();
    private boolean fitting = true;

    /** Puts the transforms on {@code drawing}. */
    void attach(Node drawing) {
        drawing.getTransforms().setAll(pan, zoom);
    }

    double zoom() {
        return zoom.getX();
    }

    /** True until the user zooms or pans (after a fit). */
    boolean fitting() {
        return fitting;
    }

    /** Zooms by {@code factor} keeping the view point ({@code x}, {@code y}) in place; the user's zoom. */
    void zoomAt(double factor, double x, double y) {
        double old = zoom.getX();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
        pan.setX(x - (x - pan.getX()) * next / old);
        pan.setY(y - (y - pan.getY()) * next / old);
        zoom.setX(next);
        zoom.setY(next);
        fitting = false;
    }

    /** Moves the drawing by (dx, dy) view pixels; the user's pan. */
    void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
        fitting = false;
    }

    /** Shows a drawing of {@code width × height} (its units) whole and centred in a view of {@code viewW × viewH}. */
    void fit(double width, double height, double viewW, double viewH) {
        fitting = true;
        if (width <= 0 || height <= 0 || viewW <= 0 || viewH <= 0) {
            return;
        }
        double s = Math.min((viewW - 2 * MARGIN) / width, (viewH - 2 * MARGIN) / height);
        s = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, s));
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((viewW - width * s) / 2);
        pan.setY((viewH - height * s) / 2);
    }
}
