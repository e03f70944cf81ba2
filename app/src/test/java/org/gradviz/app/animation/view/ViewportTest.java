package org.gradviz.app.animation.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;

class ViewportTest {
    private static final Viewport.Limits CANVAS = new Viewport.Limits(0.2, 4, 1.5, 40);

    @Test
    void fittingADrawingTooWideForTheMinimumZoomShowsItWhole() {
        Viewport viewport = new Viewport(CANVAS, false);

        // 3,300 units across a 604 px view: 524 px inside the margins, so 524 / 3300 = 0.1588 < 0.2
        viewport.fit(-100, 0, 3300, 1200, 604, 567);

        assertEquals(524.0 / 3300, viewport.zoom(), 1e-12);
        Bounds visible = viewport.visible(604, 567);
        assertEquals(-100 - 40 / viewport.zoom(), visible.getMinX(), 1e-9);
        assertEquals(3200 + 40 / viewport.zoom(), visible.getMaxX(), 1e-9);
    }

    @Test
    void fromAFitBelowTheMinimumZoomTheUserZoomsInButNotFurtherOut() {
        Viewport viewport = new Viewport(CANVAS, false);
        viewport.fit(0, 0, 3300, 1200, 604, 567);
        double fitted = viewport.zoom();

        viewport.zoomAt(0.8, 300, 300);
        assertEquals(fitted, viewport.zoom(), 1e-12, "not further out than the fit");

        viewport.zoomAt(1.1, 300, 300);
        assertEquals(fitted * 1.1, viewport.zoom(), 1e-12);
    }

    @Test
    void theUsersZoomStaysAboveTheMinimumOtherwise() {
        Viewport viewport = new Viewport(CANVAS, false);

        viewport.zoomAt(0.1, 0, 0);

        assertEquals(0.2, viewport.zoom(), 1e-12);
    }

    @Test
    void aViewSmallerThanItsMarginsStillShowsTheDrawingWhole() {
        Viewport viewport = new Viewport(CANVAS, false);

        viewport.fit(0, 0, 100, 100, 60, 60); // margins of 40 would leave no room: a quarter of the view, 15 px

        assertEquals(0.3, viewport.zoom(), 1e-12);
    }
}
