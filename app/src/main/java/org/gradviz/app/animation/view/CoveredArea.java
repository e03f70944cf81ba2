package org.gradviz.app.animation.view;

import java.util.List;
import javafx.geometry.Bounds;

/** How much of a floating thing (an edge label, the chain-rule lens) the boxes under it cover: where to put it. */
public final class CoveredArea {
    private CoveredArea() {
    }

    /** The area {@code a} and {@code b} share; 0 when they only touch or lie apart. */
    public static double of(Bounds a, Bounds b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** The area of {@code thing} the {@code covering} bounds cover (where two of them overlap, counted twice). */
    public static double of(Bounds thing, List<Bounds> covering) {
        double area = 0;
        for (Bounds box : covering) {
            area += of(thing, box);
        }
        return area;
    }
}
