package org.gradviz.app.animation.view;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.gradviz.app.animation.LensModel;
import org.gradviz.app.animation.lens.ChainRuleView;

/**
 * Presentation mode's lens band: a strip under the graph views, kept free for the chain-rule lens, so that the lens
 * never covers a box, an edge's label or the current step's orange callout (the network is packed for the screen and
 * leaves no free space of its own). The strip is as tall as the largest lens of the pass needs, so it stays put
 * while the presenter steps; the views, and the network packed for them, get the rest. In it the lens lays its
 * blocks side by side, its text as large as the display's text size asks and the strip allows. Nothing is reserved
 * outside presentation mode, with the lens hidden (Ctrl+6), or while it has nothing to show (no pass, before the
 * first node of a pass runs and after the last).
 */
public final class LensBand {
    /** The strip takes at most this share of the views' height, the lens's text shrinking to fit it. */
    static final double MAX_SHARE = 0.4;
    /** Space around the lens in the strip. */
    static final double GAP = 8;
    /** Each try at a smaller text is this much smaller than the last. */
    private static final double SHRINK = 0.92;
    /** Measured to size the strip: a pass with more nodes than this is no picture for a lecture anyway. */
    private static final int MEASURED = 120;

    private final Region strip = new Region();
    private final Pane layer;
    private final LensModel model;
    private final DoubleProperty textScale;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    /** How tall the strip is while the lens shows, for the pass, the layer and the text size as they are now. */
    private double thickness;
    /** False when {@link #thickness} is to be measured again. */
    private boolean measured;

    /** @param layer where the lens floats, over the views and the strip (which the caller lays out under the views) */
    public LensBand(Pane layer, LensModel model, DoubleProperty textScale) {
        this.layer = layer;
        this.model = model;
        this.textScale = textScale;
        strip.setId("lens-band");
        strip.setPrefHeight(0);
        strip.setMinHeight(Region.USE_PREF_SIZE); // the views shrink, never the strip
        strip.setMaxHeight(Region.USE_PREF_SIZE);
        strip.setMouseTransparent(true);
        // change listeners, not invalidation ones: each change counts, whether or not the value was read since
        on.addListener((obs, old, now) -> show());
        layer.visibleProperty().addListener((obs, old, now) -> show());
        model.currentProperty().addListener((obs, old, now) -> show());
        layer.widthProperty().addListener((obs, old, now) -> remeasure());
        layer.heightProperty().addListener((obs, old, now) -> remeasure());
        textScale.addListener((obs, old, now) -> remeasure());
        model.allProperty().addListener((obs, old, now) -> remeasure());
    }

    /** The strip to lay out under the views: 0 px high unless the band is reserved. */
    public Region strip() {
        return strip;
    }

    /** Whether the band is wanted (presentation mode sets it); reserved only while the lens shows a step. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** Whether the strip is reserved now: the lens goes in it. */
    public boolean reserved() {
        return strip.getPrefHeight() > 0;
    }

    /** The strip's free rectangle, in the layer's coordinates. */
    Bounds area() {
        double h = strip.getPrefHeight();
        return new BoundingBox(GAP, layer.getHeight() - h + GAP, layer.getWidth() - 2 * GAP, h - 2 * GAP);
    }

    private void remeasure() {
        measured = false;
        show();
    }

    /**
     * Reserves the strip while the lens shows a step of the pass, else gives it back to the views (before the first
     * node runs and after the last: the picture at the end is the whole screen's). The views resize and the network
     * is packed again for them.
     */
    private void show() {
        boolean wanted = on.get() && layer.isVisible() && model.currentProperty().get() != null
                && layer.getWidth() > 0 && layer.getScene() != null;
        if (wanted && !measured) {
            thickness = measure();
            measured = true;
        }
        strip.setPrefHeight(wanted ? thickness : 0);
    }

    /**
     * How tall the strip must be for the largest lens of the pass: at the text scale that lets every lens fit within
     * {@link #MAX_SHARE} of the views' height, as tall as the tallest lens at that scale; so it stays the same while
     * the presenter steps.
     */
    private double measure() {
        List<ChainRuleView> views = model.allProperty().get();
        double most = MAX_SHARE * layer.getHeight();
        LensPanel probe = new LensPanel();
        probe.setVisible(false);
        probe.setManaged(false);
        layer.getChildren().add(probe);
        try {
            List<ChainRuleView> sample = views.subList(0, Math.min(MEASURED, views.size()));
            double scale = textScale.get();
            for (ChainRuleView view : sample) {
                probe.show(view);
                scale = Math.min(scale, largestScale(probe, most, scale));
            }
            double tallest = 0;
            for (ChainRuleView view : sample) {
                probe.show(view);
                tallest = Math.max(tallest, heightAt(probe, scale));
            }
            return Math.ceil(tallest + 2 * GAP);
        } finally {
            layer.getChildren().remove(probe);
        }
    }

    /**
     * The scale of the lens shown in the strip: the largest, at most the text scale, at which it fits; it is left
     * arranged for it.
     */
    double fit(LensPanel lens) {
        return largestScale(lens, strip.getPrefHeight(), textScale.get());
    }

    /**
     * The largest scale, at most {@code from} and at least the smallest readable one, at which {@code lens} fits a
     * strip {@code height} high (its gaps included), arranged for that scale; the smallest when none fits.
     */
    private double largestScale(LensPanel lens, double height, double from) {
        double scale = Math.max(LensPlacement.MIN_SCALE, from);
        while (heightAt(lens, scale) + 2 * GAP > height && scale > LensPlacement.MIN_SCALE) {
            scale = Math.max(LensPlacement.MIN_SCALE, scale * SHRINK);
        }
        heightAt(lens, scale); // left arranged for the scale chosen
        return scale;
    }

    /** How tall {@code lens} is on screen at {@code scale}, its blocks side by side as far as the layer's width allows. */
    private double heightAt(LensPanel lens, double scale) {
        lens.arrange((layer.getWidth() - 2 * GAP) / scale);
        lens.applyCss();
        lens.autosize();
        return lens.getHeight() * scale;
    }
}
