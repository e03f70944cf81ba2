package org.gradviz.app.export;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A view's drawing, to picture it whatever part of it is on screen: {@code drawing} is the node the view zooms and
 * pans (its transforms are taken off again), {@code view} the region whose background is the picture's, and
 * {@code parts} how a view that draws only what is in sight (a big graph) draws any other part for the picture.
 */
public record DrawingSource(Node drawing, Region view, Parts parts) {

    /** A view whose drawing holds only the part in sight: it draws other parts on request. */
    public interface Parts {
        /** The whole drawing's extent, in its units, drawn or not. */
        Bounds whole();

        /** Draws (at least) what lies in {@code area}, the drawing's units, for a picture of it. */
        void drawArea(Bounds area);

        /** Back to drawing what is in sight, once the picture is taken. */
        void drawView();
    }

    /** A view whose drawing is always whole. */
    public DrawingSource(Node drawing, Region view) {
        this(drawing, view, null);
    }

    /** The drawing's extent in its own units (what a picture shows), styled and laid out. Call on the FX thread. */
    Bounds bounds() {
        drawing.applyCss();
        if (drawing instanceof javafx.scene.Parent parent) {
            parent.layout();
        }
        return parts != null ? parts.whole() : drawing.getBoundsInLocal();
    }

    /** Draws what lies in {@code area} (the drawing's units) before a tile of it is pictured. Call on the FX thread. */
    void prepare(Bounds area) {
        if (parts != null) {
            parts.drawArea(area);
            drawing.applyCss();
            if (drawing instanceof javafx.scene.Parent parent) {
                parent.layout();
            }
        }
    }

    /** Back to what is in sight, once the picture is taken. Call on the FX thread. */
    void done() {
        if (parts != null) {
            parts.drawView();
        }
    }

    /** The view's background colour (the theme's). Call on the FX thread. */
    Paint background() {
        if (view.getBackground() != null && !view.getBackground().getFills().isEmpty()) {
            return view.getBackground().getFills().get(0).getFill();
        }
        return Color.WHITE;
    }
}
