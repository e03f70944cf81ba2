package org.gradviz.app.animation.view;

import javafx.css.PseudoClass;
import org.gradviz.app.render.PictureEdge;
import org.gradviz.app.render.PictureNode;

/** Style classes of the autograd view; assets/css/gradviz.css styles them, states as pseudo-classes. */
public final class AutogradStyles {
    public static final String VIEW = "autograd-view";
    public static final String NODE = "autograd-node";
    public static final String BOX = "autograd-box";
    public static final String LABEL = "autograd-label";
    public static final String RULE = "autograd-rule";
    public static final String NOTE = "autograd-note";
    public static final String EDGE = "autograd-edge";
    public static final String EDGE_LINE = "autograd-edge-line";
    public static final String ARROWHEAD = "autograd-arrowhead";
    public static final String EDGE_LABEL = "autograd-edge-label";
    public static final String PULSE = "autograd-pulse";
    public static final String PLACEHOLDER = "autograd-placeholder";
    public static final String BUSY = "autograd-busy";
    public static final String THEME_DARK = "theme-dark";
    public static final String THEME_HIGH_CONTRAST = "theme-high-contrast";

    private AutogradStyles() {
    }

    /** {@code autograd-op}, {@code autograd-leaf}, …: what a box stands for, fixed for its life. */
    public static String kind(PictureNode.Kind kind) {
        return "autograd-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** {@code autograd-edge-gradient}, {@code autograd-edge-saved}, … */
    public static String kind(PictureEdge.Kind kind) {
        return "autograd-edge-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    static PseudoClass pseudo(String name) {
        return PseudoClass.getPseudoClass(name);
    }
}
