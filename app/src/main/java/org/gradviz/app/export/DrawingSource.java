package org.gradviz.app.export;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A view's drawing, to picture it whatever part of it is on screen: {@code drawing} is the node the view zooms and
 * pans (its transforms are taken off again), {@code view} the region whose background is the picture's.
 */
public record DrawingSource(Node drawing, Region view) {

    /** The drawing's extent in its own units (what a picture shows), styled and laid out. Call on the FX thread. */
    Bounds bounds() {
        drawing.applyCss();
        if (drawing instanceof javafx.scene.Parent parent) {
            parent.layout();
        }
        return drawing.getBoundsInLocal();
    }

    /** The view's background colour (the theme's). Call on the FX thread. */
    Paint background() {
        if (view.getBackground() != null && !view.getBackground().getFills().isEmpty()) {
            return view.getBackground().getFills().get(0).getFill();
        }
        return Color.WHITE;
    }
}
