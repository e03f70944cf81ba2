package org.gradviz.app.animation.view;

import javafx.scene.Node;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The zoom and pan of a drawing inside a view (the network canvas, the autograd view): a translation then a scale
 * on the drawing. Fitting shows the whole drawing centred, and stays in force (the view fits again when resized)
 * until the user zooms or pans.
 */
public final class Viewport {
    /**
     * How far a view zooms: the user's zoom stays within {@code min} and {@code max}; fitting never enlarges beyond
     * {@code maxFit} (so three boxes do not fill a projector) and leaves {@code margin} pixels around the drawing.
     * Fitting may go below {@code min}: a fitted drawing is always whole, and the user may zoom in from there but not
     * out.
     */
    public record Limits(double min, double max, double maxFit, double margin) {
    }

    /** The autograd view's: torchviz's small boxes may be enlarged a lot. */
    static final Limits AUTOGRAD = new Limits(0.05, 8, 3, 24);

    private Limits limits;
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate();
    private boolean fitting;

    /** A viewport at 100 %; {@code fitting} says whether it starts by fitting (refitting on resize). */
    public Viewport(Limits limits, boolean fitting) {
        this.limits = limits;
        this.fitting = fitting;
    }

    public Limits limits() {
        return limits;
    }

    /** Leaves {@code margin} view pixels around a fitted drawing (presentation mode wants every pixel). */
    public void setFitMargin(double margin) {
        limits = new Limits(limits.min(), limits.max(), limits.maxFit(), margin);
    }

    /**
     * Lets the user zoom out (and fitting go) down to {@code min}: a big graph's overview shows thousands of boxes
     * at a few pixels each.
     */
    public void setMinZoom(double min) {
        limits = new Limits(min, limits.max(), limits.maxFit(), limits.margin());
    }

    /** Calls {@code change} whenever the zoom or the pan changes. */
    public void addChangeListener(Runnable change) {
        javafx.beans.InvalidationListener listener = obs -> change.run();
        zoom.xProperty().addListener(listener);
        pan.xProperty().addListener(listener);
        pan.yProperty().addListener(listener);
    }

    /** The pan: where the drawing's origin is, in view pixels. */
    public javafx.geometry.Point2D pan() {
        return new javafx.geometry.Point2D(pan.getX(), pan.getY());
    }

    /** The part of the drawing (its units) a view of {@code viewW × viewH} shows. */
    public javafx.geometry.Bounds visible(double viewW, double viewH) {
        double s = zoom.getX();
        return new javafx.geometry.BoundingBox(-pan.getX() / s, -pan.getY() / s, viewW / s, viewH / s);
    }

    /** Puts the transforms on {@code drawing}. */
    public void attach(Node drawing) {
        drawing.getTransforms().setAll(pan, zoom);
    }

    public double zoom() {
        return zoom.getX();
    }

    /** True until the user zooms or pans (after a fit). */
    public boolean fitting() {
        return fitting;
    }

    /** Zooms by {@code factor} keeping the view point ({@code x}, {@code y}) in place; the user's zoom. */
    public void zoomAt(double factor, double x, double y) {
        double old = zoom.getX();
        // a fit below the minimum (a drawing too large to show whole at it) is as far out as the user may go
        double next = Math.max(Math.min(limits.min(), old), Math.min(limits.max(), old * factor));
        pan.setX(x - (x - pan.getX()) * next / old);
        pan.setY(y - (y - pan.getY()) * next / old);
        zoom.setX(next);
        zoom.setY(next);
        fitting = false;
    }

    /** Moves the drawing by (dx, dy) view pixels; the user's pan. */
    public void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
        fitting = false;
    }

    /** Shows a drawing of {@code width × height} (its units, from the origin) whole and centred. */
    public void fit(double width, double height, double viewW, double viewH) {
        fit(0, 0, width, height, viewW, viewH);
    }

    /**
     * Shows the part of the drawing from ({@code minX}, {@code minY}), {@code width × height} in its units, whole and
     * centred in a view of {@code viewW × viewH}, below the user's minimum zoom if need be; with nothing to show it
     * only goes back to fitting.
     */
    public void fit(double minX, double minY, double width, double height, double viewW, double viewH) {
        fitting = true;
        if (width <= 0 || height <= 0 || viewW <= 0 || viewH <= 0) {
            return;
        }
        double margin = Math.min(limits.margin(), Math.min(viewW, viewH) / 4); // a view smaller than its margins
        double s = Math.min((viewW - 2 * margin) / width, (viewH - 2 * margin) / height);
        s = Math.min(limits.maxFit(), s);
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((viewW - width * s) / 2 - minX * s);
        pan.setY((viewH - height * s) / 2 - minY * s);
    }
}
