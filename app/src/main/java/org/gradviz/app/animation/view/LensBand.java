package org.gradviz.app.animation.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.gradviz.app.animation.LensModel;
import org.gradviz.app.animation.lens.ChainRuleView;
import org.gradviz.app.animation.lens.PassResult;

/**
 * Presentation mode's lens band: a strip under the graph views, kept free for the chain-rule lens, so that the lens
 * never covers a box, an edge's label or the current step's orange callout (the network is packed for the screen and
 * leaves no free space of its own). The strip is as tall as the largest lens of the pass needs, and it is kept from
 * the pass's first step to its end ({@link LensModel#steppingProperty}), so the network, packed for the views above
 * it, stays put while the presenter steps and points at its boxes. In it the lens lays its blocks out as densely as
 * the strip's width allows, its text {@link #READABLE} px high at the normal text size, larger with the display's
 * text size, as far as the strip allows. At the pass's end it shows, in the same style, what the pass left on the
 * leaves ({@link LensPanel#passResult}); the strip is tall enough for that too. Back at the pass's start (Home) the
 * strip stays, so the boxes do not move. Nothing is reserved outside presentation mode, with the lens hidden
 * (Ctrl+6), or while the player is not stepping through a pass (no pass, at its start, or shown at its end at once).
 */
public final class LensBand {
    /** The strip takes at most this share of the views' height, the lens's text shrinking to fit it. */
    static final double MAX_SHARE = 0.4;
    /** Space around the lens in the strip. */
    static final double GAP = 8;
    /**
     * The lens's lines on the screen at the normal text size, in px: for the back row of a lecture hall, as large as
     * the numbers in the boxes of a network packed for a 1280x720 projector (about 17 px there with the band).
     */
    static final double READABLE = 20;
    /** The lens's lines as its style sheet sets them, in px (assets/css/gradviz.css, {@code .lens-panel .label}). */
    private static final double LINE = 16;
    /** The largest scale at which a lens fits is found to within this (a text 0.1 px high at 16 px). */
    private static final double PRECISION = 0.005;
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
        model.steppingProperty().addListener((obs, old, now) -> show());
        layer.widthProperty().addListener((obs, old, now) -> remeasure());
        layer.heightProperty().addListener((obs, old, now) -> remeasure());
        textScale.addListener((obs, old, now) -> remeasure());
        model.allProperty().addListener((obs, old, now) -> remeasure());
        model.resultProperty().addListener((obs, old, now) -> remeasure());
    }

    /** The strip to lay out under the views: 0 px high unless the band is reserved. */
    public Region strip() {
        return strip;
    }

    /** Whether the band is wanted (presentation mode sets it); reserved only while the player steps through a pass. */
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
     * Reserves the strip while the player steps through a pass, from its first step to its end, else gives it back to
     * the views. The views resize and the network is packed again for them: when stepping starts and ends, not at
     * each step.
     */
    private void show() {
        boolean wanted = on.get() && layer.isVisible() && model.steppingProperty().get()
                && !model.allProperty().get().isEmpty() && layer.getWidth() > 0 && layer.getScene() != null;
        if (wanted && !measured) {
            thickness = measure();
            measured = true;
        }
        strip.setPrefHeight(wanted ? thickness : 0);
    }

    /**
     * How tall the strip must be for the largest lens of the pass and for its result: at the text scale that lets
     * every one fit within {@link #MAX_SHARE} of the views' height, as tall as the tallest at that scale; so it stays
     * the same while the presenter steps.
     */
    private double measure() {
        List<Consumer<LensPanel>> views = new ArrayList<>();
        List<ChainRuleView> lenses = model.allProperty().get();
        lenses.subList(0, Math.min(MEASURED, lenses.size())).forEach(v -> views.add(p -> p.show(v)));
        PassResult result = model.resultProperty().get();
        if (result != null) {
            views.add(p -> p.show(result));
        }
        double most = MAX_SHARE * layer.getHeight();
        LensPanel probe = new LensPanel();
        probe.setVisible(false);
        probe.setManaged(false);
        layer.getChildren().add(probe);
        try {
            double scale = wantedScale();
            for (Consumer<LensPanel> view : views) {
                view.accept(probe);
                scale = Math.min(scale, largestScale(probe, most, scale));
            }
            double tallest = 0;
            for (Consumer<LensPanel> view : views) {
                view.accept(probe);
                tallest = Math.max(tallest, heightAt(probe, scale));
            }
            return Math.ceil(tallest + 2 * GAP);
        } finally {
            layer.getChildren().remove(probe);
        }
    }

    /**
     * The scale of the lens shown in the strip: the largest, at most the {@link #wantedScale wanted} one, at which it
     * fits; it is left arranged for it.
     */
    double fit(LensPanel lens) {
        return largestScale(lens, strip.getPrefHeight(), wantedScale());
    }

    /** The lens's lines {@link #READABLE} px high at the normal text size, growing with the display's text size. */
    private double wantedScale() {
        return textScale.get() * READABLE / LINE;
    }

    /**
     * The largest scale, at most {@code from} and at least the smallest readable one, at which {@code lens} fits a
     * strip {@code height} high (its gaps included), arranged for that scale; the smallest when none fits.
     */
    private double largestScale(LensPanel lens, double height, double from) {
        double fits = LensPlacement.MIN_SCALE;
        double fitsNot = Math.max(fits, from);
        if (heightAt(lens, fitsNot) + 2 * GAP <= height) {
            return fitsNot;
        }
        // NOTE: a lens is taller at a larger scale (its blocks have less room side by side), so the scale is bisected
        while (fitsNot - fits > PRECISION) {
            double mid = (fits + fitsNot) / 2;
            if (heightAt(lens, mid) + 2 * GAP <= height) {
                fits = mid;
            } else {
                fitsNot = mid;
            }
        }
        heightAt(lens, fits); // left arranged for the scale chosen
        return fits;
    }

    /** How tall {@code lens} is on screen at {@code scale}, its blocks as dense as the layer's width allows. */
    private double heightAt(LensPanel lens, double scale) {
        lens.arrange((layer.getWidth() - 2 * GAP) / scale);
        lens.applyCss();
        lens.autosize();
        return lens.getHeight() * scale;
    }
}
